package dev.orchestra.domain.shared;

import java.util.Objects;

/** One broken rule: where (a property path) and what. */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
