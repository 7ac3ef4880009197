package dev.orchestra.domain.shared;

/**
 * A JSON object kept as its text. The core does not parse JSON (no JSON library may reach it);
 * the edges that build one (REST, legacy reader) have parsed it already.
 */
public record JsonDocument(String json) {
    public static final JsonDocument EMPTY = new JsonDocument("{}");

    public JsonDocument {
        if (json == null) {
            throw ValidationFailed.of("json", "must not be null");
        }
        String trimmed = json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw ValidationFailed.of("json", "must be a JSON object");
        }
    }

    @Override
    public String toString() {
        return json;
    }
}
