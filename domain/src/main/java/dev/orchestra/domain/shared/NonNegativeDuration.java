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

/**
 * The annotated duration, when present, is zero or longer and no longer than a store keeps
 * ({@link #LONGEST}: SQLite keeps durations as a 64-bit count of nanoseconds).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NonNegativeDuration.Validator.class)
public @interface NonNegativeDuration {
    /** The longest duration a store keeps: {@code Long.MAX_VALUE} nanoseconds, about 292 years. */
    Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    /** {@link #LONGEST} as messages name it (a constant: annotation defaults need one). */
    String LONGEST_TEXT = "PT2562047H47M16.854775807S (about 292 years)";

    String message() default "must be between PT0S and " + LONGEST_TEXT;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Lifetime totals that only grow (an agent's or a repository's execution time): past {@link #LONGEST} they
     * stay at it and the counts go on, where the store's nanosecond column would have failed every completion.
     */
    final class Totals {
        private Totals() {
        }

        public static Duration plus(Duration total, Duration more) {
            Duration sum = total.plus(more);
            return sum.compareTo(LONGEST) > 0 ? LONGEST : sum;
        }
    }

    class Validator implements ConstraintValidator<NonNegativeDuration, Duration> {
        @Override
        public boolean isValid(Duration value, ConstraintValidatorContext context) {
            return value == null || (!value.isNegative() && value.compareTo(LONGEST) <= 0);
        }
    }
}
