package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.Field;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.SortOrder;
import dev.orchestra.domain.shared.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code ?page=0&size=50&sort=field,asc|desc} into a {@link PageRequest}; bad values are 400s that say why. */
public final class Paging {
    private Paging() {
    }

    private static boolean isDirection(String term) {
        String t = term.trim();
        return t.equalsIgnoreCase("asc") || t.equalsIgnoreCase("desc");
    }

    public static <T> PageRequest<T> of(Integer page, Integer size, List<String> sort, List<Field<T, ?>> fields) {
        int number = page == null ? 0 : page;
        int length = size == null ? PageRequest.DEFAULT_SIZE : size;
        List<SortOrder<T>> orders = new ArrayList<>();
        // Spring splits "sort=id,desc" at the comma: a lone asc/desc belongs to the field before it.
        List<String> terms = new ArrayList<>();
        for (String value : sort == null ? List.<String>of() : sort) {
            terms.addAll(List.of(value.split(",")));
        }
        for (int i = 0; i < terms.size(); i++) {
            String name = terms.get(i).trim();
            Field<T, ?> field = fields.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> ValidationFailed.of("sort", "cannot sort by '" + name + "'; sortable: "
                            + fields.stream().map(Field::name).collect(Collectors.joining(", "))));
            SortOrder.Direction direction = SortOrder.Direction.ASC;
            if (i + 1 < terms.size() && isDirection(terms.get(i + 1))) {
                direction = SortOrder.Direction.valueOf(terms.get(++i).trim().toUpperCase(Locale.ROOT));
            }
            orders.add(new SortOrder<>(field, direction));
        }
        return new PageRequest<>(number, length, orders);
    }
}
