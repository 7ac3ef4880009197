package dev.orchestra.domain.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed, queryable property of an aggregate. Specifications are built from fields, so a
 * query can only name properties that exist, and every store can evaluate it.
 *
 * @param <T> the aggregate
 * @param <V> the value type (String, Instant, Integer, Long, Boolean, Duration or an enum)
 */
public final class Field<T, V> {
    private final String name;
    private final Class<V> type;
    private final Function<T, V> accessor;

    public Field(String name, Class<V> type, Function<T, V> accessor) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.accessor = Objects.requireNonNull(accessor);
    }

    public String name() {
        return name;
    }

    public Class<V> type() {
        return type;
    }

    public V valueOf(T candidate) {
        return accessor.apply(candidate);
    }

    public Specification<T> eq(V value) {
        return compare(Operator.EQ, value);
    }

    public Specification<T> ne(V value) {
        return compare(Operator.NE, value);
    }

    public Specification<T> before(V value) {
        return compare(Operator.LT, value);
    }

    public Specification<T> atOrBefore(V value) {
        return compare(Operator.LE, value);
    }

    public Specification<T> after(V value) {
        return compare(Operator.GT, value);
    }

    public Specification<T> atOrAfter(V value) {
        return compare(Operator.GE, value);
    }

    @SafeVarargs
    public final Specification<T> in(V... values) {
        return in(Arrays.asList(values));
    }

    public Specification<T> in(List<V> values) {
        return new Specification.Comparison<>(this, Operator.IN, List.copyOf(values));
    }

    public Specification<T> isNull() {
        return new Specification.Comparison<>(this, Operator.IS_NULL, List.of());
    }

    public Specification<T> isNotNull() {
        return new Specification.Comparison<>(this, Operator.IS_NOT_NULL, List.of());
    }

    public SortOrder<T> asc() {
        return new SortOrder<>(this, SortOrder.Direction.ASC);
    }

    public SortOrder<T> desc() {
        return new SortOrder<>(this, SortOrder.Direction.DESC);
    }

    private Specification<T> compare(Operator operator, V value) {
        Objects.requireNonNull(value, () -> name + " " + operator + " needs a value; use isNull() for absence");
        return new Specification.Comparison<>(this, operator, List.of(value));
    }

    @Override
    public String toString() {
        return name;
    }
}
