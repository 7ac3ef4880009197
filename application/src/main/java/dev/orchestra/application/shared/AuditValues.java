package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.HoldsSecrets;
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
            for (RecordComponent component : components) {
                try {
                    // Skips the access check each call would make for a record outside this package.
                    component.getAccessor().setAccessible(true);
                } catch (RuntimeException e) {
                    // Not allowed here (a module boundary): the checked call still works.
                }
            }
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

    /**
     * The components whose values differ, in declaration order: the names of the new state's flat values
     * (see {@link #of}) whose value differs from the old state's under the same name.
     */
    public static Map<String, Object[]> changes(Record before, Record after) {
        Map<String, Object[]> changed = new LinkedHashMap<>();
        if (before.getClass() == after.getClass()) {
            // Walked side by side: no map of every value of either state is built for the few that differ.
            compare("", before, after, changed);
            return changed;
        }
        Map<String, Object> old = of(before);
        Map<String, Object> now = of(after);
        for (Map.Entry<String, Object> e : now.entrySet()) {
            Object previous = old.get(e.getKey());
            if (!Objects.equals(previous, e.getValue()) && kept(e.getKey())) {
                changed.put(e.getKey(), new Object[] {previous, e.getValue()});
            }
        }
        return changed;
    }

    private static void compare(String prefix, Record before, Record after, Map<String, Object[]> changed) {
        for (RecordComponent component : COMPONENTS.get(before.getClass())) {
            Object previous = read(component, before);
            Object value = read(component, after);
            if (Objects.equals(previous, value)) {
                continue;
            }
            String name = prefix + component.getName();
            if (flattened(previous) && flattened(value) && previous.getClass() == value.getClass()) {
                compare(name + ".", (Record) previous, (Record) value, changed);
            } else if (flattened(previous) || flattened(value)) {
                // A nested record that appeared or went: the new state's names, as the flat maps compare them.
                Map<String, Object> old = new LinkedHashMap<>();
                Map<String, Object> now = new LinkedHashMap<>();
                put(name, previous, old);
                put(name, value, now);
                now.forEach((key, current) -> {
                    if (!Objects.equals(old.get(key), current) && kept(key)) {
                        changed.put(key, new Object[] {old.get(key), current});
                    }
                });
            } else if (kept(name)) {
                changed.put(name, new Object[] {previous, value});
            }
        }
    }

    private static void put(String name, Object value, Map<String, Object> into) {
        if (flattened(value)) {
            flatten(name + ".", (Record) value, into);
        } else {
            into.put(name, value);
        }
    }

    private static boolean kept(String name) {
        return !name.equals("version") && !name.startsWith("audit.");
    }

    private static boolean flattened(Object value) {
        return value instanceof Record && !(value instanceof dev.orchestra.domain.shared.TenantId)
                && !(value instanceof dev.orchestra.domain.shared.JsonDocument);
    }

    private static Object read(RecordComponent component, Record state) {
        try {
            return component.getAccessor().invoke(state);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    /**
     * The recorded JSON with the text value of each member called {@code name} (a plain name, nothing to escape)
     * replaced by the mask; null stays null, a value that is no text (null, a number) is left alone. Scanned,
     * not matched with a regular expression: a pattern over a JSON string recurses per character or escape and
     * overflows the stack on a value of 100,000 characters.
     */
    public static String masked(String json, String name) {
        if (json == null) {
            return null;
        }
        String key = "\"" + name + "\"";
        StringBuilder out = new StringBuilder(json.length());
        int copied = 0;
        int at = json.indexOf(key);
        while (at >= 0) {
            int colon = skipBlanks(json, at + key.length());
            int open = colon < json.length() && json.charAt(colon) == ':' ? skipBlanks(json, colon + 1) : -1;
            if (open >= 0 && open < json.length() && json.charAt(open) == '"') {
                int close = open + 1;
                while (close < json.length() && json.charAt(close) != '"') {
                    close += json.charAt(close) == '\\' ? 2 : 1;
                }
                out.append(json, copied, open).append('"').append(HoldsSecrets.MASK).append('"');
                copied = Math.min(close + 1, json.length());
            }
            at = json.indexOf(key, Math.max(copied, at + key.length()));
        }
        return copied == 0 ? json : out.append(json, copied, json.length()).toString();
    }

    private static int skipBlanks(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
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
            Object value = read(component, state);
            String name = prefix + component.getName();
            if (flattened(value)) {
                flatten(name + ".", (Record) value, into);
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
        } else if (value instanceof java.time.Instant instant) {
            quote(out, dev.orchestra.domain.shared.Times.iso(instant));
        } else {
            quote(out, value.toString());
        }
    }

    private static void quote(StringBuilder out, String text) {
        JsonText.quote(out, text);
    }
}
