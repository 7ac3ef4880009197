package dev.orchestra.domain.shared;

/**
 * A JSON object kept as its text. The core does not parse JSON (no JSON library may reach it), but it
 * checks the syntax ({@link JsonSyntax}), so every store refuses the same malformed or too deeply
 * nested documents.
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
        String problem = JsonSyntax.problemWith(json);
        if (problem != null) {
            throw ValidationFailed.of("json", problem);
        }
    }

    @Override
    public String toString() {
        return json;
    }
}
