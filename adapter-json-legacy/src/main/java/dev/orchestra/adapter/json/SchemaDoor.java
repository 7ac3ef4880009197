package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Field;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a schema does for the SQLite store: the JSON store checks every written aggregate against the
 * domain's constraints, so both stores refuse the same bad data.
 */
final class SchemaDoor {
    private final Validator validator;

    SchemaDoor(Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    <T> T check(String what, T candidate) {
        List<Violation> violations = validator.validate(candidate).stream()
                .map(v -> new Violation(what + "." + path(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return candidate;
    }

    /** Filter, sort and cut a page in memory, in the order SQL stores use. */
    static <T> Page<T> page(Collection<T> rows, Specification<T> where, PageRequest<T> request, Field<T, String> id) {
        List<T> sorted = rows.stream().filter(where::isSatisfiedBy).sorted(request.comparator(id)).toList();
        return Page.slice(sorted, request);
    }

    private static String path(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.isEmpty() ? "value" : path;
    }
}
