package dev.orchestra.application.maintenance;

import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import java.util.List;

/**
 * Inbound port: backups taken online (writers wait only while the copy is made), each with a manifest, and
 * proven by opening the copy read-only, running the engine's check and comparing its rows with the counts
 * taken at the moment of the copy.
 */
public interface StoreBackups {
    /** Takes a backup, verifies it and keeps its manifest; an unverified backup is answered, not hidden. */
    BackupManifest take(BackupTrigger trigger);

    /** Newest first. */
    List<BackupManifest> list();

    BackupManifest get(String id);

    /** Verifies a backup again (its file's SHA-256 must still be the manifest's). */
    BackupManifest verify(String id);

    /** Deletes the backups of {@code trigger} older than its newest {@code keep}; answers the ones deleted. */
    List<BackupManifest> prune(BackupTrigger trigger, int keep);
}
