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

    String text(String name, String fallback) {
        JsonNode value = get(name);
        return value == null ? fallback : value.asString();
    }

    long number(String name, long fallback) {
        JsonNode value = get(name);
        return value == null ? fallback : value.asLong();
    }

    double decimal(String name) {
        JsonNode value = get(name);
        return value == null ? 0.0 : value.asDouble();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = get(name);
        return value == null ? fallback : value.asBoolean();
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
        return array(name).stream().map(JsonNode::asString).toList();
    }

    List<Map.Entry<String, JsonNode>> entries(String name) {
        JsonNode value = get(name);
        return value == null ? List.of() : new ArrayList<>(value.properties());
    }
}
