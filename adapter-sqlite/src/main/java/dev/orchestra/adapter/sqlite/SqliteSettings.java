package dev.orchestra.adapter.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the store opens its file.
 *
 * @param path        the database file; its folder is created when missing
 * @param readers     read-only connections used concurrently by queries
 * @param busyTimeout how long a connection waits for a lock held by another process
 * @param synchronous NORMAL (fast, survives a process crash) or FULL (also survives power loss)
 */
public record SqliteSettings(Path path, int readers, Duration busyTimeout, Synchronous synchronous) {
    public enum Synchronous { NORMAL, FULL }

    public SqliteSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, not " + readers);
        }
    }

    public static SqliteSettings defaults(Path path) {
        return new SqliteSettings(path, 4, Duration.ofSeconds(10), Synchronous.NORMAL);
    }
}
