package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a listing, as REST-API.md describes it. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }
}
