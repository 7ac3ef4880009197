package dev.orchestra.domain.maintenance;

import java.util.List;
import java.util.Optional;

/** Outbound port: the manifests of the backups beside a store (they outlive the store's own file). */
public interface BackupCatalog {
    /** Stores or replaces the manifest of a backup. */
    void save(BackupManifest manifest);

    /** Newest first. */
    List<BackupManifest> list();

    Optional<BackupManifest> find(String id);

    /** Deletes a backup: its copy (and what came with it) and its manifest. */
    void remove(BackupManifest manifest);
}
