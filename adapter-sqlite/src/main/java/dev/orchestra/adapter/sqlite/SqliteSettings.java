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
 * @param synchronous FULL (an acknowledged write survives a power loss; the default) or NORMAL (faster,
 *                    survives a process crash but may lose the last commits on a power loss)
 * @param writeQueue  how many write units may wait for the writer; more callers wait for room
 * @param writeWait   how long a caller waits for room in the queue before "store busy"
 * @param maxBatch    how many waiting units one transaction (one fsync) may group
 * @param maxSizeBytes the most the database file may grow to (0: no cap); a write past it is refused as
 *                     the store being full, as on a full disk
 */
public record SqliteSettings(Path path, int readers, Duration busyTimeout, Synchronous synchronous, int writeQueue,
                             Duration writeWait, int maxBatch, long maxSizeBytes) {
    public enum Synchronous { NORMAL, FULL }

    public SqliteSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(synchronous, "synchronous");
        Objects.requireNonNull(writeWait, "writeWait");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, not " + readers);
        }
        if (writeQueue < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("writeQueue and maxBatch must be at least 1");
        }
        if (maxSizeBytes < 0) {
            throw new IllegalArgumentException("maxSizeBytes must be 0 (no cap) or more, not " + maxSizeBytes);
        }
    }

    public SqliteSettings(Path path, int readers, Duration busyTimeout, Synchronous synchronous, int writeQueue,
                          Duration writeWait, int maxBatch) {
        this(path, readers, busyTimeout, synchronous, writeQueue, writeWait, maxBatch, 0);
    }

    public static SqliteSettings defaults(Path path) {
        return new SqliteSettings(path, 4, Duration.ofSeconds(10), Synchronous.FULL, 1024, Duration.ofSeconds(10),
                256);
    }
}
