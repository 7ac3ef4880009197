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

    /**
     * Replaces the whole store with the backup {@code id}: verified first (a backup that fails is refused and
     * nothing changes), then a verified safety backup of the store as it is, then the atomic replacement, then
     * the store is checked against the backup's counts. One restore at a time; audited.
     */
    Restoration restore(String id);

    /** As {@link #restore(String)}, from a backup file of this kind of store that has no manifest here. */
    Restoration restoreFile(java.nio.file.Path file);

    /** True while a restore runs: the service answers other calls with 503 meanwhile. */
    boolean restoring();

    /** Deletes the backups of {@code trigger} older than its newest {@code keep}; answers the ones deleted. */
    List<BackupManifest> prune(BackupTrigger trigger, int keep);
}
