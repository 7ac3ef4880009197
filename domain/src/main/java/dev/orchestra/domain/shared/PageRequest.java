package dev.orchestra.domain.shared;

import java.util.Comparator;
import java.util.List;

/** A page of results: number from 0, size 1..500, and the sort order. */
public record PageRequest<T>(int page, int size, List<SortOrder<T>> sort) {
    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0) {
            throw ValidationFailed.of("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationFailed.of("size", "must be between 1 and " + MAX_SIZE);
        }
        sort = List.copyOf(sort);
    }

    public static <T> PageRequest<T> first(int size, List<SortOrder<T>> sort) {
        return new PageRequest<>(0, size, sort);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The in-memory order equal to what SQL stores produce: the sort fields, then the id. */
    public Comparator<T> comparator(Field<T, String> idField) {
        Comparator<T> comparator = (a, b) -> 0;
        for (SortOrder<T> order : sort) {
            Comparator<Object> values = order.direction() == SortOrder.Direction.ASC
                    ? Values.NULLS_FIRST : Values.NULLS_FIRST.reversed();
            Field<T, ?> field = order.field();
            comparator = comparator.thenComparing(field::valueOf, values);
        }
        return comparator.thenComparing(idField::valueOf);
    }
}
