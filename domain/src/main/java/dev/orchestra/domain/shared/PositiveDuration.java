package dev.orchestra.domain.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/** The annotated duration, when present, is longer than zero and no longer than a store keeps. */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveDuration.Validator.class)
public @interface PositiveDuration {
    String message() default "must be longer than zero and at most " + NonNegativeDuration.LONGEST_TEXT;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PositiveDuration, Duration> {
        @Override
        public boolean isValid(Duration value, ConstraintValidatorContext context) {
            return value == null || (!value.isNegative() && !value.isZero()
                    && value.compareTo(NonNegativeDuration.LONGEST) <= 0);
        }
    }
}
