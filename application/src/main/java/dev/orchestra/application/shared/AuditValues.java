package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.JsonText;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns record states into the old and new values of an audit entry. The core has no JSON library,
 * so this writes the flat JSON object itself: names to strings, numbers, booleans or null.
 */
public final class AuditValues {
    /**
     * Each record type's components, looked up once: {@code getRecordComponents()} builds new reflective
     * objects on every call, and an accessor fresh each time never gets a fast invoker; an audit entry
     * is written for every change, inside the unit of work.
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components;
        }
    };

    private AuditValues() {
    }

    /** Every component of a record, nested records flattened with dotted names. */
    public static Map<String, Object> of(Record state) {
        Map<String, Object> values = new LinkedHashMap<>();
        flatten("", state, values);
        return values;
    }

    /** The components whose values differ, in declaration order. */
    public static Map<String, Object[]> changes(Record before, Record after) {
        Map<String, Object> old = of(before);
        Map<String, Object> now = of(after);
        Map<String, Object[]> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : now.entrySet()) {
            Object previous = old.get(e.getKey());
            if (!Objects.equals(previous, e.getValue()) && !e.getKey().equals("version")
                    && !e.getKey().startsWith("audit.")) {
                changed.put(e.getKey(), new Object[] {previous, e.getValue()});
            }
        }
        return changed;
    }

    public static String json(Map<String, ?> values) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, e.getKey());
            out.append(':');
            value(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void flatten(String prefix, Record state, Map<String, Object> into) {
        for (RecordComponent component : COMPONENTS.get(state.getClass())) {
            Object value;
            try {
                value = component.getAccessor().invoke(state);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            String name = prefix + component.getName();
            if (value instanceof Record nested && !(value instanceof dev.orchestra.domain.shared.TenantId)
                    && !(value instanceof dev.orchestra.domain.shared.JsonDocument)) {
                flatten(name + ".", nested, into);
            } else {
                into.put(name, value);
            }
        }
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                value(out, item);
                first = false;
            }
            out.append(']');
        } else if (value instanceof Enum<?> e) {
            quote(out, e.name());
        } else {
            quote(out, value.toString());
        }
    }

    private static void quote(StringBuilder out, String text) {
        JsonText.quote(out, text);
    }
}
