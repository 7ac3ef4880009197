package dev.orchestra.domain.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a backup is and whether it was proven: its file, size and SHA-256, the schema version, the rows per
 * table (or area) at the moment it was taken, and the outcome of opening it read-only, running the engine's
 * check and comparing the counts. {@code problem} says why a backup is not verified.
 */
public record BackupManifest(String id, String file, Instant createdAt, BackupTrigger trigger, long sizeBytes,
                             String sha256, String schemaVersion, Map<String, Long> rowCounts, boolean verified,
                             Instant verifiedAt, String problem) {
    public BackupManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(trigger, "trigger");
        rowCounts = rowCounts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    }

    /** The outcome of a verification done at {@code at}. */
    public BackupManifest verified(boolean ok, Instant at, String why) {
        return new BackupManifest(id, file, createdAt, trigger, sizeBytes, sha256, schemaVersion, rowCounts, ok, at,
                ok ? null : why);
    }
}
