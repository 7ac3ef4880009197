package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Runs the domain's jakarta.validation constraints and turns violations into {@link ValidationFailed}. */
public final class ConstraintCheck {
    private final Validator validator;

    public ConstraintCheck(Validator validator) {
        this.validator = Objects.requireNonNull(validator);
    }

    public <T> T require(T candidate) {
        List<Violation> violations = violationsOf(candidate, "");
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return candidate;
    }

    /** The violations of one candidate, each path prefixed (for batches: {@code tasks[3].}). */
    public <T> List<Violation> violationsOf(T candidate, String prefix) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(candidate)) {
            String path = v.getPropertyPath().toString();
            violations.add(new Violation(prefix + (path.isEmpty() ? "" : path), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return violations;
    }
}
