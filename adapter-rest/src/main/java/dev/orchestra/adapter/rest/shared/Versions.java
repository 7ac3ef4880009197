package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.ValidationFailed;
import org.springframework.http.ResponseEntity;

/** The optimistic version on the wire: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Null when no If-Match (or {@code *}) was sent: the update then applies to the current version. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ValidationFailed.of("If-Match", "'" + header + "' is not a version such as \"3\"");
        }
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }
}
