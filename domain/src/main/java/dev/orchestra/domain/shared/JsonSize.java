package dev.orchestra.domain.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A JSON document of at most {@link #max} characters of compact text. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonSize.Validator.class)
public @interface JsonSize {
    /** Agents' configuration and repositories' settings. */
    int SETTINGS = 65_536;

    String message() default "must be a JSON object of at most {max} characters";

    int max();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<JsonSize, JsonDocument> {
        private int max;

        @Override
        public void initialize(JsonSize annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(JsonDocument value, ConstraintValidatorContext context) {
            return value == null || value.json().length() <= max;
        }
    }
}
