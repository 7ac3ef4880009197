package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.application.maintenance.Restoration;
import dev.orchestra.application.maintenance.StoreBackupsService;
import dev.orchestra.application.shared.Auditor;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.testing.TestData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backup taken while 8 writers run: it verifies, holds every task acknowledged before it started and none
 * begun after it returned, and no writer meets an error; a copy with a damaged byte is refused by verify and
 * the running store is untouched; restored into a new store, the backup gives exactly its rows; a damaged
 * copy is refused by verify and by restore, and the stores are untouched.
 * {@code -Dorchestra.backup.load-seconds=30} runs the writers longer.
 */
class BackupUnderLoadTest {
    private static final long SECONDS = Long.getLong("orchestra.backup.load-seconds", 4);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenEightWriters_aBackupVerifiesHoldsWhatWasAcknowledgedAndADamagedCopyIsRefused(String type)
            throws Exception {
        Path folder = Files.createDirectories(directory.resolve("live"));
        Store store = TestStores.open(type, folder, Clock.systemUTC());
        Path file = folder.resolve(type.equals("json") ? TestStores.JSON_FILE : TestStores.SQLITE_FILE);
        StoreBackups backups = new StoreBackupsService(store, new FileBackupCatalog(file),
                new Auditor(store.auditTrail(), Clock.systemUTC()), Clock.systemUTC());
        // Each id with when its write began and when it was acknowledged (nanoTime).
        ConcurrentHashMap<String, long[]> written = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sequence = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            running.add(writers.submit(() -> {
                while (!stop.get()) {
                    String id = String.format("t-%07d", sequence.incrementAndGet());
                    long began = System.nanoTime();
                    store.unitOfWork().write(() -> store.tasks().add(TestData.task(id, "/repo")));
                    written.put(id, new long[] {began, System.nanoTime()});
                }
                return null;
            }));
        }
        try {
            Thread.sleep(SECONDS * 500);
            long backupStarted = System.nanoTime();
            BackupManifest manifest = backups.take(BackupTrigger.MANUAL);
            long backupEnded = System.nanoTime();
            Thread.sleep(SECONDS * 500);
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }

            assertThat(manifest.verified()).as(manifest.problem()).isTrue();
            Set<String> inBackup = idsIn(type, Path.of(manifest.file()));
            Set<String> before = new HashSet<>();
            Set<String> after = new HashSet<>();
            written.forEach((id, t) -> {
                if (t[1] < backupStarted) {
                    before.add(id);
                }
                if (t[0] > backupEnded) {
                    after.add(id);
                }
            });
            assertThat(before).as("acknowledged before the backup began").isNotEmpty();
            assertThat(after).as("begun after it returned").isNotEmpty();
            // Set arithmetic, not AssertJ's containsAll: that compares element by element (tens of thousands
            // each side in a 30-second run).
            Set<String> missing = new HashSet<>(before);
            missing.removeAll(inBackup);
            Set<String> extra = new HashSet<>(after);
            extra.retainAll(inBackup);
            assertThat(missing).as("acknowledged before the backup, missing from it").isEmpty();
            assertThat(extra).as("begun after the backup returned, found in it").isEmpty();
            assertThat(manifest.rowCounts().get("tasks"))
                    .isEqualTo(inBackup.size());

            // Restored into a new store: exactly the backup's tasks, so exactly those acknowledged before it.
            Path fresh = Files.createDirectories(directory.resolve("restored-" + type));
            Set<String> restoredIds;
            try (Store target = TestStores.open(type, fresh, Clock.systemUTC())) {
                StoreBackups targetBackups = new StoreBackupsService(target, new FileBackupCatalog(
                        fresh.resolve(file.getFileName())), new Auditor(target.auditTrail(), Clock.systemUTC()),
                        Clock.systemUTC());
                Restoration restoration = targetBackups.restoreFile(Path.of(manifest.file()));
                assertThat(restoration.verified()).as(restoration.problem()).isTrue();
                assertThat(restoration.safetyBackup().verified()).isTrue();
                assertThat(restoration.rowCounts().get("tasks")).isEqualTo(inBackup.size());
                restoredIds = ids(target);
            }
            assertThat(restoredIds).isEqualTo(inBackup);

            long live = store.unitOfWork().read(() -> store.tasks().find(TenantId.DEFAULT, Specification.all(),
                    new PageRequest<>(0, 1, List.of(TaskFields.ID.asc()))).totalItems());
            try (RandomAccessFile damage = new RandomAccessFile(manifest.file(), "rw")) {
                damage.seek(damage.length() / 2);
                int b = damage.read();
                damage.seek(damage.length() / 2);
                damage.write(b ^ 0xFF);
            }
            BackupManifest refused = backups.verify(manifest.id());
            assertThat(refused.verified()).isFalse();
            assertThat(refused.problem()).contains("SHA-256");
            int backupsBefore = backups.list().size();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> backups.restore(manifest.id()))
                    .isInstanceOf(Conflict.class).hasMessageContaining("does not verify")
                    .hasMessageContaining("the store is unchanged");
            assertThat(backups.list()).as("no safety backup for a refused restore").hasSize(backupsBefore);
            assertThat(backups.restoring()).isFalse();
            assertThat(store.unitOfWork().read(() -> store.tasks().find(TenantId.DEFAULT, Specification.all(),
                    new PageRequest<>(0, 1, List.of(TaskFields.ID.asc()))).totalItems())).isEqualTo(live);
        } finally {
            stop.set(true);
            writers.shutdownNow();
            store.close();
        }
    }

    /** The task ids of a backup, read from a copy opened as a store. */
    private Set<String> idsIn(String type, Path backup) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("opened-" + type));
        Files.copy(backup, folder.resolve(type.equals("json") ? TestStores.JSON_FILE : TestStores.SQLITE_FILE));
        try (Store opened = TestStores.open(type, folder, Clock.systemUTC())) {
            return ids(opened);
        }
    }

    private static Set<String> ids(Store opened) {
        Set<String> ids = new HashSet<>();
        opened.unitOfWork().read(() -> {
            for (int page = 0; ; page++) {
                List<Task> items = opened.tasks().find(TenantId.DEFAULT, Specification.all(),
                        new PageRequest<>(page, 500, List.of(TaskFields.ID.asc()))).items();
                items.forEach(t -> ids.add(t.id()));
                if (items.size() < 500) {
                    return null;
                }
            }
        });
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAStoreChangedAfterABackup_restore_bringsTheBackupBackWhileReadersRunAndTheSafetyBackupUndoesIt(
            String type) throws Exception {
        Path folder = Files.createDirectories(directory.resolve("in-place"));
        try (Store store = TestStores.open(type, folder, Clock.systemUTC())) {
            Path file = folder.resolve(type.equals("json") ? TestStores.JSON_FILE : TestStores.SQLITE_FILE);
            StoreBackups backups = new StoreBackupsService(store, new FileBackupCatalog(file),
                    new Auditor(store.auditTrail(), Clock.systemUTC()), Clock.systemUTC());
            for (int i = 0; i < 50; i++) {
                String id = String.format("old-%03d", i);
                store.unitOfWork().write(() -> store.tasks().add(TestData.task(id, "/repo")));
            }
            BackupManifest fifty = backups.take(BackupTrigger.MANUAL);
            for (int i = 0; i < 30; i++) {
                String id = String.format("new-%03d", i);
                store.unitOfWork().write(() -> store.tasks().add(TestData.task(id, "/repo")));
            }
            // Readers run through the restore: each sees the 80 tasks or the 50, never an error or a mix.
            AtomicBoolean stop = new AtomicBoolean();
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            List<Future<?>> reading = new java.util.ArrayList<>();
            for (int r = 0; r < 4; r++) {
                reading.add(readers.submit(() -> {
                    while (!stop.get()) {
                        seen.add((long) ids(store).size());
                    }
                    return null;
                }));
            }
            Restoration restoration;
            try {
                Thread.sleep(100);
                restoration = backups.restore(fifty.id());
                Thread.sleep(100);
            } finally {
                stop.set(true);
                for (Future<?> reader : reading) {
                    reader.get(60, TimeUnit.SECONDS);
                }
                readers.shutdown();
            }

            assertThat(restoration.verified()).as(restoration.problem()).isTrue();
            assertThat(seen).containsOnly(80L, 50L).contains(50L);
            Set<String> now = ids(store);
            assertThat(now).hasSize(50).allMatch(id -> id.startsWith("old-"));
            assertThat(restoration.safetyBackup().trigger()).isEqualTo(BackupTrigger.BEFORE_RESTORE);
            assertThat(restoration.safetyBackup().rowCounts().get("tasks")).isEqualTo(80L);
            assertThat(store.unitOfWork().read(() -> store.auditTrail().find(TenantId.DEFAULT,
                    Specification.all(), new PageRequest<>(0, 100, List.of())).items()))
                    .anyMatch(e -> e.action() == dev.orchestra.domain.audit.AuditAction.RESTORE
                            && e.entityId().equals(fifty.id()));
            // The store keeps working after the restore, and the safety backup undoes it.
            store.unitOfWork().write(() -> store.tasks().add(TestData.task("after", "/repo")));
            Restoration undone = backups.restore(restoration.safetyBackup().id());
            assertThat(undone.verified()).as(undone.problem()).isTrue();
            assertThat(ids(store)).hasSize(80).doesNotContain("after");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenScheduledBackups_prune_deletesTheOldestScheduledOnesAndKeepsEveryOther(String type) throws Exception {
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(java.time.Instant.parse("2026-05-01T00:00:00Z"));
        Path folder = Files.createDirectories(directory.resolve("pruned"));
        try (Store store = TestStores.open(type, folder, clock)) {
            Path file = folder.resolve(type.equals("json") ? TestStores.JSON_FILE : TestStores.SQLITE_FILE);
            StoreBackups backups = new StoreBackupsService(store, new FileBackupCatalog(file), new Auditor(store.auditTrail(), clock), clock);
            store.unitOfWork().write(() -> store.tasks().add(TestData.task("t1", "/repo")));
            List<BackupManifest> scheduled = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                scheduled.add(backups.take(BackupTrigger.SCHEDULED));
                clock.advance(java.time.Duration.ofHours(1));
            }
            BackupManifest manual = backups.take(BackupTrigger.MANUAL);

            List<BackupManifest> deleted = backups.prune(BackupTrigger.SCHEDULED, 2);

            assertThat(deleted).extracting(BackupManifest::id)
                    .containsExactlyInAnyOrder(scheduled.get(0).id(), scheduled.get(1).id());
            assertThat(backups.list()).extracting(BackupManifest::id).containsExactly(manual.id(),
                    scheduled.get(3).id(), scheduled.get(2).id());
            assertThat(Path.of(scheduled.get(0).file())).doesNotExist();
            assertThat(Path.of(scheduled.get(3).file())).exists();
            assertThat(backups.verify(scheduled.get(3).id()).verified()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenBackupsAtTheSameInstant_eachGetsItsOwnFileAndVerifies(String type) throws Exception {
        // A clock that does not move: what concurrent requests in one millisecond meet (it was a 500).
        Clock still = Clock.fixed(java.time.Instant.parse("2026-05-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        Path folder = Files.createDirectories(directory.resolve("same-instant"));
        try (Store store = TestStores.open(type, folder, still)) {
            Path file = folder.resolve(type.equals("json") ? TestStores.JSON_FILE : TestStores.SQLITE_FILE);
            StoreBackups backups = new StoreBackupsService(store, new FileBackupCatalog(file), new Auditor(store.auditTrail(), still), still);
            ExecutorService callers = Executors.newFixedThreadPool(3);
            List<Future<BackupManifest>> taken = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(callers.submit(() -> backups.take(BackupTrigger.MANUAL)));
            }
            Set<String> files = new HashSet<>();
            for (Future<BackupManifest> manifest : taken) {
                BackupManifest m = manifest.get(60, TimeUnit.SECONDS);
                assertThat(m.verified()).as(m.problem()).isTrue();
                files.add(m.file());
            }
            callers.shutdown();
            assertThat(files).hasSize(3);
            assertThat(backups.list()).hasSize(3);
        }
    }
}
