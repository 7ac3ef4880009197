package dev.orchestra.adapter.rest.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The names a client knows for the types a value must have: "a string", never {@code java.lang.String}. */
final class WireTypes {
    private WireTypes() {
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer (a number without a fraction)";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration string such as PT1M30S";
        }
        if (type == Instant.class) {
            return "an ISO-8601 UTC time string such as 2026-11-22T10:15:30Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type.getName().startsWith("tools.jackson")) {
            return "a JSON object";
        }
        return "a value of another type";
    }
}
