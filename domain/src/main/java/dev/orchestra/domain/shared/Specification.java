package dev.orchestra.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A query as data: a small sealed algebra over typed {@link Field}s. The JSON store evaluates it
 * in memory with {@link #isSatisfiedBy}; SQL stores translate the same tree into a parameterised WHERE.
 */
public sealed interface Specification<T>
        permits Specification.All, Specification.And, Specification.Or, Specification.Not,
        Specification.Comparison {

    boolean isSatisfiedBy(T candidate);

    static <T> Specification<T> all() {
        return new All<>();
    }

    default Specification<T> and(Specification<T> other) {
        if (this instanceof All) {
            return other;
        }
        if (other instanceof All) {
            return this;
        }
        List<Specification<T>> parts = new ArrayList<>();
        if (this instanceof And<T> and) {
            parts.addAll(and.parts());
        } else {
            parts.add(this);
        }
        parts.add(other);
        return new And<>(parts);
    }

    default Specification<T> or(Specification<T> other) {
        return new Or<>(List.of(this, other));
    }

    default Specification<T> not() {
        return new Not<>(this);
    }

    record All<T>() implements Specification<T> {
        @Override
        public boolean isSatisfiedBy(T candidate) {
            return true;
        }
    }

    record And<T>(List<Specification<T>> parts) implements Specification<T> {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean isSatisfiedBy(T candidate) {
            return parts.stream().allMatch(p -> p.isSatisfiedBy(candidate));
        }
    }

    record Or<T>(List<Specification<T>> parts) implements Specification<T> {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean isSatisfiedBy(T candidate) {
            return parts.stream().anyMatch(p -> p.isSatisfiedBy(candidate));
        }
    }

    record Not<T>(Specification<T> inner) implements Specification<T> {
        public Not {
            Objects.requireNonNull(inner);
        }

        @Override
        public boolean isSatisfiedBy(T candidate) {
            return !inner.isSatisfiedBy(candidate);
        }
    }

    /** One field compared with zero (null tests), one, or several (IN) values. */
    record Comparison<T, V>(Field<T, V> field, Operator operator, List<V> values) implements Specification<T> {
        public Comparison {
            Objects.requireNonNull(field);
            Objects.requireNonNull(operator);
            values = List.copyOf(values);
        }

        @Override
        public boolean isSatisfiedBy(T candidate) {
            V actual = field.valueOf(candidate);
            switch (operator) {
                case IS_NULL:
                    return actual == null;
                case IS_NOT_NULL:
                    return actual != null;
                case IN:
                    return actual != null && values.contains(actual);
                default:
                    break;
            }
            // SQL semantics: a comparison with an absent value is never true (NE included).
            if (actual == null) {
                return false;
            }
            int order = Values.compare(actual, values.get(0));
            switch (operator) {
                case EQ:
                    return order == 0;
                case NE:
                    return order != 0;
                case LT:
                    return order < 0;
                case LE:
                    return order <= 0;
                case GT:
                    return order > 0;
                case GE:
                    return order >= 0;
                default:
                    throw new IllegalStateException("unhandled operator " + operator);
            }
        }
    }
}
