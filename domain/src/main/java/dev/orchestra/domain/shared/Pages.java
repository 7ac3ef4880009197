package dev.orchestra.domain.shared;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Walks every row a port's paged query returns, one full page at a time. */
public final class Pages {
    private Pages() {
    }

    public static <T> void each(List<SortOrder<T>> order,
                                BiFunction<Specification<T>, PageRequest<T>, Page<T>> query, Consumer<T> action) {
        for (int page = 0; ; page++) {
            Page<T> slice = query.apply(Specification.all(), new PageRequest<>(page, PageRequest.MAX_SIZE, order));
            slice.items().forEach(action);
            if (slice.items().size() < PageRequest.MAX_SIZE) {
                return;
            }
        }
    }
}
