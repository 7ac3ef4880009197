package dev.orchestra.domain.preference;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A preference's value parses as its valueType. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValueMatchesType.Validator.class)
public @interface ValueMatchesType {
    String message() default "does not match valueType";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValueMatchesType, UserPreference> {
        @Override
        public boolean isValid(UserPreference preference, ConstraintValidatorContext context) {
            if (preference == null || preference.valueType() == null) {
                return true;
            }
            String problem = preference.valueType().problemWith(preference.value());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                    .addPropertyNode("value").addConstraintViolation();
            return false;
        }
    }
}
