package dev.orchestra.domain.shared;

import java.util.Comparator;

/** The ordering every store must agree on: enums by declaration order, the rest naturally. */
public final class Values {
    private Values() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object left, Object right) {
        if (left instanceof Enum<?> l && right instanceof Enum<?> r) {
            return Integer.compare(l.ordinal(), r.ordinal());
        }
        if (left instanceof Comparable l) {
            return l.compareTo(right);
        }
        throw new IllegalArgumentException("values of " + left.getClass().getSimpleName() + " cannot be ordered");
    }

    /** Absent values first when ascending, as SQL stores order NULL. */
    public static final Comparator<Object> NULLS_FIRST = Comparator.nullsFirst(Values::compare);
}
