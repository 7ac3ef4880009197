package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.ValidationFailed;

/** What a multipart upload says about its file. */
public final class Uploads {
    private Uploads() {
    }

    /**
     * The name to keep: the last segment of what the client sent (a browser may send a Windows path), or
     * {@code fallback} when it sent none; a 400 when it holds control characters or is too long.
     */
    public static String fileName(String sent, String fallback) {
        if (sent == null || sent.isBlank()) {
            return fallback;
        }
        if (sent.chars().anyMatch(Character::isISOControl)) {
            throw ValidationFailed.of("file", "the file name must not contain control characters");
        }
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.length() > 255) {
            throw ValidationFailed.of("file", "the file name must be at most 255 characters");
        }
        return name;
    }
}
