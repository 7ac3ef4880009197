package dev.orchestra.domain.shared;

import java.util.Objects;

/** Sort by one field. Stores break ties by id ascending, so pages are stable. */
public record SortOrder<T>(Field<T, ?> field, Direction direction) {
    public enum Direction { ASC, DESC }

    public SortOrder {
        Objects.requireNonNull(field);
        Objects.requireNonNull(direction);
    }
}
