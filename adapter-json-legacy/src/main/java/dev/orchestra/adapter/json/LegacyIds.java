package dev.orchestra.adapter.json;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids for legacy data, so that a second reading gives the same ids. */
final class LegacyIds {
    private LegacyIds() {
    }

    /** A repository's identity is its path: a name-based UUID of it. */
    static String repositoryId(String path) {
        return UUID.nameUUIDFromBytes(("repository:" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
