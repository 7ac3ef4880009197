package dev.orchestra.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input broke one or more constraints; every violation is listed, not just the first. */
public final class ValidationFailed extends DomainException {
    private final List<Violation> violations;

    public ValidationFailed(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return "Validation failed: " + violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
