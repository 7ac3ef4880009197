package dev.orchestra.application.maintenance;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.maintenance.BackupCatalog;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Objects;

/** Backups with their manifests: take, verify, list, prune, restore. */
public final class StoreBackupsService implements StoreBackups {
    static final String BACKUP = "Backup";

    private final Store store;
    private final StoreMaintenance maintenance;
    private final BackupCatalog catalog;
    private final Auditor auditor;
    private final Clock clock;
    private final AtomicBoolean restoring = new AtomicBoolean();

    public StoreBackupsService(Store store, BackupCatalog catalog, Auditor auditor, Clock clock) {
        this.store = store;
        this.maintenance = store.maintenance();
        this.catalog = catalog;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public BackupManifest take(BackupTrigger trigger) {
        requireRoom();
        Instant at = clock.instant();
        return proven(maintenance.backup(reason(trigger), at), trigger, at);
    }

    /** A copy takes about as much as the store; without that much room it is refused before it starts. */
    private void requireRoom() {
        StoreMaintenance.Space space = maintenance.space();
        if (space.freeBytes() < space.storeBytes()) {
            throw new dev.orchestra.domain.shared.StoreFull("a backup needs about " + space.storeBytes()
                    + " free bytes", null).at(space.folder(), space.freeBytes());
        }
    }

    private static String reason(BackupTrigger trigger) {
        return trigger.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The manifest of a copy just made, judged by opening it, and kept. */
    private BackupManifest proven(StoreMaintenance.Backup backup, BackupTrigger trigger, Instant at) {
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
    public Restoration restore(String id) {
        BackupManifest source = get(id);
        return restoring(() -> {
            BackupManifest checked = verify(id);
            if (!checked.verified()) {
                throw new Conflict("the backup " + id + " does not verify (" + checked.problem()
                        + "), so it is not restored; the store is unchanged");
            }
            return restoreFrom(Path.of(source.file()), source.id(), checked.rowCounts());
        });
    }

    @Override
    public Restoration restoreFile(Path file) {
        return restoring(() -> {
            StoreMaintenance.Inspection inspection = maintenance.inspect(file);
            if (!inspection.problems().isEmpty()) {
                throw new Conflict("the backup " + file + " does not verify (" + String.join("; ",
                        inspection.problems()) + "), so it is not restored; the store is unchanged");
            }
            return restoreFrom(file, file.getFileName().toString(), inspection.rowCounts());
        });
    }

    @Override
    public boolean restoring() {
        return restoring.get();
    }

    private Restoration restoring(java.util.function.Supplier<Restoration> restore) {
        if (!restoring.compareAndSet(false, true)) {
            throw new Conflict("a restore is running already; wait for it to finish");
        }
        try {
            return restore.get();
        } finally {
            restoring.set(false);
        }
    }

    /**
     * The store replaced by {@code file}, with a proven safety backup first; then its rows are compared with the
     * backup's ({@code expected}: a table a newer schema added must be empty) before the audit entry is written.
     */
    private Restoration restoreFrom(Path file, String name, Map<String, Long> expected) {
        requireRoom();
        Instant at = clock.instant();
        BackupManifest[] safety = new BackupManifest[1];
        StoreMaintenance.Restored restored = maintenance.restore(file, reason(BackupTrigger.BEFORE_RESTORE), at,
                copy -> {
                    safety[0] = proven(copy, BackupTrigger.BEFORE_RESTORE, at);
                    return safety[0].verified();
                });
        Map<String, Long> now = restored.now().rowCounts();
        List<String> problems = new ArrayList<>(restored.now().problems());
        java.util.Set<String> tables = new java.util.TreeSet<>(expected.keySet());
        tables.addAll(now.keySet());
        for (String table : tables) {
            long want = expected.getOrDefault(table, 0L);
            long have = now.getOrDefault(table, 0L);
            if (want != have) {
                problems.add(table + " holds " + have + " rows, the backup " + want);
            }
        }
        store.unitOfWork().write(() -> {
            auditor.recorded(new Caller(TenantId.DEFAULT, "restore"), BACKUP, name, AuditAction.RESTORE,
                    Map.of("backup", file.toString(), "safetyBackup", safety[0].id(), "verified", problems.isEmpty()));
            return null;
        });
        return new Restoration(name, at, safety[0], now, problems.isEmpty(), problems.isEmpty() ? null
                : String.join("; ", problems));
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
