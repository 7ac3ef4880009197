package dev.orchestra.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a query's results and the size of the whole result. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }

    /** Cuts a page out of a fully sorted in-memory list. */
    public static <T> Page<T> slice(List<T> sorted, PageRequest<?> request) {
        int from = (int) Math.min(sorted.size(), request.offset());
        int to = Math.min(sorted.size(), from + request.size());
        return new Page<>(sorted.subList(from, to), request.page(), request.size(), sorted.size());
    }
}
