package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.JsonDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Property access on one JSON object that matches names case-insensitively, as legacy files need
 * (PascalCase from .NET, camelCase from others). A JSON null reads as absent.
 */
final class JsonProps {
    private final ObjectMapper mapper;
    final JsonNode node;
    private final Map<String, JsonNode> byLowerName = new HashMap<>();
    private final Map<String, String> originalNames = new HashMap<>();

    JsonProps(ObjectMapper mapper, JsonNode node) {
        this.mapper = mapper;
        this.node = node == null ? mapper.createObjectNode() : node;
        if (this.node.isObject()) {
            this.node.properties().forEach(e -> {
                String lower = e.getKey().toLowerCase(Locale.ROOT);
                byLowerName.put(lower, e.getValue());
                originalNames.put(lower, e.getKey());
            });
        }
    }

    JsonNode get(String name) {
        JsonNode value = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isNull() ? null : value;
    }

    /** The name as the file spells it (for paths in findings). */
    String spelling(String name) {
        return originalNames.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    boolean has(String name) {
        return get(name) != null;
    }

    /** Text, or a number or boolean as written; an array or object is refused naming the field. */
    String text(String name, String fallback) {
        JsonNode value = get(name);
        return value == null ? fallback : scalar(value, spelling(name));
    }

    private static String scalar(JsonNode value, String where) {
        if (value.isContainer()) {
            throw new IllegalArgumentException(where + ": " + value + " is not text");
        }
        return value.asString();
    }

    /**
     * A whole number, also when written as text ("3") or as 3.0. Anything else is refused naming the field:
     * Jackson's conversions made 1.5 a 1, and refused "abc" or 1e20 with an error that carried no place, so a
     * hand-edited document failed to open with a NullPointerException.
     */
    long number(String name, long fallback) {
        JsonNode value = get(name);
        if (value == null) {
            return fallback;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        java.math.BigDecimal number = decimalOf(value);
        try {
            if (number != null) {
                return number.longValueExact();
            }
        } catch (ArithmeticException e) {
            // Not whole, or past a long: refused below.
        }
        throw new IllegalArgumentException(spelling(name) + ": " + value + " is not a whole number");
    }

    /** A finite number, also when written as text; anything else is refused naming the field. */
    double decimal(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return 0.0;
        }
        double result = Double.NaN;
        if (value.isNumber()) {
            result = value.doubleValue();
        } else {
            java.math.BigDecimal text = decimalOf(value);
            if (text != null) {
                result = text.doubleValue();
            }
        }
        if (!Double.isFinite(result)) {
            throw new IllegalArgumentException(spelling(name) + ": " + value + " is not a finite number");
        }
        return result;
    }

    /** true or false (also as text, or as 1 and 0); anything else is refused naming the field. */
    boolean bool(String name, boolean fallback) {
        JsonNode value = get(name);
        if (value == null) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isString() || value.isIntegralNumber() ? value.asString().trim() : "";
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(spelling(name) + ": " + value + " is not true or false");
    }

    /** The number a node holds, also when written as text; null for anything else, and for 1e400, which no decimal holds. */
    static java.math.BigDecimal decimalOf(JsonNode value) {
        try {
            return value.isNumber() ? value.decimalValue()
                    : value.isString() ? new java.math.BigDecimal(value.asString().trim()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    Instant time(String name) {
        return LegacyValues.parseTime(text(name, null));
    }

    Duration duration(String name, Duration fallback) {
        String value = text(name, null);
        return value == null ? fallback : Duration.parse(value);
    }

    JsonDocument document(String name) {
        JsonNode value = get(name);
        return value == null ? null : new JsonDocument(mapper.writeValueAsString(value));
    }

    JsonProps object(String name) {
        return new JsonProps(mapper, get(name));
    }

    List<JsonNode> array(String name) {
        JsonNode value = get(name);
        List<JsonNode> items = new ArrayList<>();
        if (value != null) {
            value.forEach(items::add);
        }
        return items;
    }

    List<String> strings(String name) {
        return array(name).stream().map(item -> scalar(item, spelling(name) + "[]")).toList();
    }

    List<Map.Entry<String, JsonNode>> entries(String name) {
        JsonNode value = get(name);
        return value == null ? List.of() : new ArrayList<>(value.properties());
    }
}
