package dev.orchestra.domain.task;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.orchestra.domain.shared.NonNegativeDuration;
import java.time.Duration;
import java.time.Instant;

/**
 * A task's times are in order: createdAt <= assignedAt, createdAt <= startedAt <= completedAt; and its run
 * (startedAt to completedAt) is no longer than a store keeps ({@link NonNegativeDuration#LONGEST}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChronologicalTask.Validator.class)
public @interface ChronologicalTask {
    String message() default "times out of order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChronologicalTask, Task> {
        @Override
        public boolean isValid(Task task, ConstraintValidatorContext context) {
            if (task == null || task.createdAt() == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            valid &= check(context, task.createdAt(), task.assignedAt(), "assignedAt", "createdAt");
            valid &= check(context, task.createdAt(), task.startedAt(), "startedAt", "createdAt");
            Instant lowerForCompletion = task.startedAt() != null ? task.startedAt() : task.createdAt();
            valid &= check(context, lowerForCompletion, task.completedAt(), "completedAt",
                    task.startedAt() != null ? "startedAt" : "createdAt");
            Duration run = task.executionDuration();
            if (run != null && run.compareTo(NonNegativeDuration.LONGEST) > 0) {
                // A legacy file can hold such times (a year 9999 placeholder); the run is kept in nanoseconds.
                context.buildConstraintViolationWithTemplate("is " + java.time.temporal.ChronoUnit.YEARS.between(
                        task.startedAt().atOffset(java.time.ZoneOffset.UTC),
                        task.completedAt().atOffset(java.time.ZoneOffset.UTC)) + " years after startedAt;"
                        + " a task's run may last at most about 292 years").addPropertyNode("completedAt")
                        .addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean check(ConstraintValidatorContext context, Instant earlier, Instant later,
                                     String field, String earlierName) {
            if (earlier == null || later == null || !later.isBefore(earlier)) {
                return true;
            }
            context.buildConstraintViolationWithTemplate("must not be before " + earlierName)
                    .addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
