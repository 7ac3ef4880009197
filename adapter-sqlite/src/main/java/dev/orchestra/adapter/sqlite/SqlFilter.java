package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.shared.Field;
import dev.orchestra.domain.shared.Operator;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.SortOrder;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL form of a {@link Specification}: a WHERE fragment with named parameters. Column names come
 * from a fixed map per table and values are always bound, never written into the SQL text.
 */
final class SqlFilter<T> {
    private final Map<Field<T, ?>, String> columns;

    SqlFilter(Map<Field<T, ?>, String> columns) {
        this.columns = Map.copyOf(columns);
    }

    /** A translated condition and its parameters. */
    record Where(String sql, Map<String, Object> parameters) {
    }

    Where where(Specification<T> specification) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return new Where(translate(specification, parameters), parameters);
    }

    /** ORDER BY of a page: the requested fields, then the id so that pages are stable. */
    String orderBy(PageRequest<T> page) {
        List<String> terms = new ArrayList<>();
        for (SortOrder<T> order : page.sort()) {
            terms.add(orderExpression(order.field()) + (order.direction() == SortOrder.Direction.ASC ? " ASC" : " DESC"));
        }
        terms.add("id ASC");
        return String.join(", ", terms);
    }

    private String translate(Specification<T> specification, Map<String, Object> parameters) {
        if (specification instanceof Specification.All) {
            return "1 = 1";
        }
        if (specification instanceof Specification.And<T> and) {
            return and.parts().stream().map(p -> translate(p, parameters))
                    .collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (specification instanceof Specification.Or<T> or) {
            return or.parts().stream().map(p -> translate(p, parameters))
                    .collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (specification instanceof Specification.Not<T> not) {
            // NOT of a comparison with NULL is NULL in SQL; coalesce keeps "absent" on the false side,
            // as the in-memory evaluation does.
            return "NOT coalesce(" + translate(not.inner(), parameters) + ", 0)";
        }
        return comparison((Specification.Comparison<T, ?>) specification, parameters);
    }

    private String comparison(Specification.Comparison<T, ?> c, Map<String, Object> parameters) {
        String column = column(c.field());
        Operator operator = c.operator();
        switch (operator) {
            case IS_NULL:
                return column + " IS NULL";
            case IS_NOT_NULL:
                return column + " IS NOT NULL";
            case IN:
                if (c.values().isEmpty()) {
                    return "0 = 1";
                }
                String name = bind(parameters, c.values().stream().map(SqlFilter::sqlValue).toList());
                return column + " IN (:" + name + ")";
            default:
                break;
        }
        boolean ordered = operator != Operator.EQ && operator != Operator.NE;
        Object value = c.values().get(0);
        String left = ordered && value instanceof Enum<?> ? rank(c.field(), column) : column;
        Object bound = ordered && value instanceof Enum<?> e ? e.ordinal() : sqlValue(value);
        return left + " " + symbol(operator) + " :" + bind(parameters, bound);
    }

    private String orderExpression(Field<T, ?> field) {
        String column = column(field);
        return field.type().isEnum() ? rank(field, column) : column;
    }

    /** Enums order by declaration, as in the domain, not by the text of their names. */
    private static String rank(Field<?, ?> field, String column) {
        Object[] constants = field.type().getEnumConstants();
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (Object constant : constants) {
            Enum<?> e = (Enum<?>) constant;
            // Constant names are Java identifiers, never user input.
            sql.append(" WHEN '").append(e.name()).append("' THEN ").append(e.ordinal());
        }
        return sql.append(" END").toString();
    }

    private String column(Field<T, ?> field) {
        String column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("field " + field.name() + " has no column in this table");
        }
        return column;
    }

    private static String bind(Map<String, Object> parameters, Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return name;
    }

    private static String symbol(Operator operator) {
        switch (operator) {
            case EQ:
                return "=";
            case NE:
                return "<>";
            case LT:
                return "<";
            case LE:
                return "<=";
            case GT:
                return ">";
            case GE:
                return ">=";
            default:
                throw new IllegalArgumentException(operator.name());
        }
    }

    static Object sqlValue(Object value) {
        if (value instanceof Instant instant) {
            return Times.format(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Duration d) {
            return d.toNanos();
        }
        return value;
    }
}
