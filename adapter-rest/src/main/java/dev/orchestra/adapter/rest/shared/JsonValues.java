package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Conversions at the edge shared by the mappers: raw JSON objects and ISO-8601 durations. */
public final class JsonValues {
    private JsonValues() {
    }

    /** A request's JSON object, kept compact; anything but an object is refused. */
    public static JsonDocument document(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ValidationFailed.of(field, "must be a JSON object");
        }
        return new JsonDocument(node.toString());
    }

    public static String text(JsonDocument document) {
        return document == null ? null : document.json();
    }

    public static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
