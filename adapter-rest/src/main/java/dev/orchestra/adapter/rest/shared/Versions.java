package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.ValidationFailed;
import org.springframework.http.ResponseEntity;

/** The optimistic version on the wire: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Versions {
    public static final String IF_MATCH = "If-Match";
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} names ({@code "3"} or {@code W/"3"}), or null when none was sent; the
     * use case then refuses to change an existing resource (428). A blank, {@code *} or malformed value
     * is a 400: it would otherwise silently mean "no check".
     */
    public static Long ifMatch(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(value);
        }
        throw ValidationFailed.of(IF_MATCH, "'" + header + "' is not the ETag of a version, such as \"3\"");
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }
}
