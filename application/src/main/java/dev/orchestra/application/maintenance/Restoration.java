package dev.orchestra.application.maintenance;

import dev.orchestra.domain.maintenance.BackupManifest;
import java.time.Instant;
import java.util.Map;

/**
 * What a restore did: the backup the store now holds, the safety backup of the store as it was just before
 * (restore that one to undo), the rows the store holds now, and whether they are the backup's (the engine's
 * check passed and every count matches); {@code problem} says why not.
 */
public record Restoration(String restoredFrom, Instant restoredAt, BackupManifest safetyBackup,
                          Map<String, Long> rowCounts, boolean verified, String problem) {
    public Restoration {
        rowCounts = Map.copyOf(rowCounts);
    }
}
