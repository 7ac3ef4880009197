package dev.orchestra.domain.migration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids for legacy data, so that a second reading of a file gives the same ids. */
public final class LegacyIds {
    private LegacyIds() {
    }

    /** A repository's identity is its path: a name-based UUID of it. */
    public static String repositoryId(String path) {
        return nameBased("repository:" + path);
    }

    /** A task written without an id: a name-based UUID of its content and its position in the queue. */
    public static String taskId(int position, String command, String createdAt, String repositoryPath) {
        return nameBased("task:" + position + "\u0000" + command + "\u0000" + createdAt + "\u0000" + repositoryPath);
    }

    private static String nameBased(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
