package dev.orchestra.application.maintenance;

import dev.orchestra.domain.maintenance.BackupCatalog;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.NotFound;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Backups with their manifests: take, verify, list. */
public final class StoreBackupsService implements StoreBackups {
    static final String BACKUP = "Backup";

    private final StoreMaintenance maintenance;
    private final BackupCatalog catalog;
    private final Clock clock;

    public StoreBackupsService(StoreMaintenance maintenance, BackupCatalog catalog, Clock clock) {
        this.maintenance = maintenance;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public BackupManifest take(BackupTrigger trigger) {
        Instant at = clock.instant();
        StoreMaintenance.Backup backup = maintenance.backup(trigger.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), at);
        Path file = Path.of(backup.location());
        String id = file.getFileName().toString().replaceFirst("\\.[A-Za-z]+$", "");
        StoreMaintenance.Inspection inspection = maintenance.inspect(file);
        BackupManifest manifest = new BackupManifest(id, backup.location(), at, trigger, inspection.sizeBytes(),
                inspection.sha256(), backup.schemaVersion(), backup.rowCounts(), false, null, null);
        manifest = judge(manifest, inspection);
        catalog.save(manifest);
        return manifest;
    }

    @Override
    public List<BackupManifest> list() {
        return catalog.list();
    }

    @Override
    public BackupManifest get(String id) {
        return catalog.find(id).orElseThrow(() -> new NotFound(BACKUP, id));
    }

    @Override
    public BackupManifest verify(String id) {
        BackupManifest manifest = get(id);
        Path file = Path.of(manifest.file());
        BackupManifest judged;
        if (!java.nio.file.Files.isRegularFile(file)) {
            judged = manifest.verified(false, clock.instant(), "the backup file " + file + " is missing");
        } else {
            judged = judge(manifest, maintenance.inspect(file));
        }
        catalog.save(judged);
        return judged;
    }

    @Override
    public List<BackupManifest> prune(BackupTrigger trigger, int keep) {
        if (keep < 1) {
            throw dev.orchestra.domain.shared.ValidationFailed.of("keep", "must be at least 1, not " + keep);
        }
        List<BackupManifest> old = catalog.list().stream().filter(m -> m.trigger() == trigger).skip(keep).toList();
        old.forEach(catalog::remove);
        return old;
    }

    /** Verified when the engine's check passed, the digest is the manifest's and every count matches. */
    private BackupManifest judge(BackupManifest manifest, StoreMaintenance.Inspection inspection) {
        List<String> problems = new ArrayList<>(inspection.problems());
        if (manifest.sha256() != null && !manifest.sha256().equals(inspection.sha256())) {
            problems.add("the file's SHA-256 is " + inspection.sha256() + ", not the manifest's " + manifest.sha256());
        }
        if (inspection.problems().isEmpty() && !manifest.rowCounts().equals(inspection.rowCounts())) {
            problems.add("the copy holds " + inspection.rowCounts() + " rows, not the " + manifest.rowCounts()
                    + " counted when it was taken");
        }
        if (inspection.problems().isEmpty() && !Objects.equals(manifest.schemaVersion(), inspection.schemaVersion())) {
            problems.add("the copy's schema version is " + inspection.schemaVersion() + ", not "
                    + manifest.schemaVersion());
        }
        return manifest.verified(problems.isEmpty(), clock.instant(), String.join("; ", problems));
    }
}
