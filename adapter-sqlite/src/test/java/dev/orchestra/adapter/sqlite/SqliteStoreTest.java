package dev.orchestra.adapter.sqlite;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite traps named in the foundation issue, each with a test. */
class SqliteStoreTest {
    @TempDir
    Path directory;

    private SqliteStore open() {
        return SqliteStore.open(SqliteSettings.defaults(directory.resolve("nested/folder/orchestra.db")));
    }

    @Test
    void givenEngineOlderThan3_51_3_requireSupported_refusesIt() {
        assertThatThrownBy(() -> SqliteEngine.requireSupported("3.51.2"))
                .isInstanceOf(StoreFailure.class).hasMessageContaining("3.51.2").hasMessageContaining("WAL-reset");
        assertThatThrownBy(() -> SqliteEngine.requireSupported("3.46.1")).isInstanceOf(StoreFailure.class);
        assertThatCode(() -> SqliteEngine.requireSupported("3.51.3")).doesNotThrowAnyException();
        assertThatCode(() -> SqliteEngine.requireSupported("3.53.0")).doesNotThrowAnyException();
        assertThatCode(() -> SqliteEngine.requireSupported("4.0.0")).doesNotThrowAnyException();
    }

    @Test
    void givenBundledDriver_open_runsAnEngineWithoutTheWalResetBug() {
        try (SqliteStore store = open()) {
            assertThat(SqliteEngine.compare(SqliteEngine.parse(store.engineVersion()), SqliteEngine.MINIMUM))
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void givenMissingFolder_open_createsTheDatabaseInWalModeWithEveryPragmaOnEveryConnection() throws Exception {
        try (SqliteStore store = open()) {
            SqliteUnitOfWork unitOfWork = (SqliteUnitOfWork) store.unitOfWork();
            List<String> seen = new ArrayList<>();
            seen.add(unitOfWork.write(() -> pragmas(unitOfWork)));
            // Hold readers at once so that each one of the pool is asked.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> unitOfWork.read(() -> {
                    String p = pragmas(unitOfWork);
                    await(together);
                    return p;
                })));
            }
            for (Future<String> answer : answers) {
                seen.add(answer.get(30, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(seen).hasSize(5).containsOnly("wal/1/2/10000");
        }
        assertThat(Files.exists(directory.resolve("nested/folder/orchestra.db"))).isTrue();
    }

    @Test
    void givenMigrations_noneTriesToSetTheJournalMode() throws IOException {
        Path migrations = Path.of("src/main/resources/db/migration/sqlite");
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file).toLowerCase().lines()
                        .filter(line -> !line.strip().startsWith("--")))
                        .as(file.toString()).noneMatch(line -> line.contains("journal_mode"));
            }
        }
    }

    /**
     * V18 keeps a counter's run time as seconds and nanoseconds: a V17 counter summed in nanoseconds had overflowed
     * with two runs of 200 years in one hour (SQLite made it a REAL; read back, a wrong total). Opening the store
     * counts the hours again from the tasks, exactly.
     */
    @Test
    void givenAV17StoreWhoseCounterOverflowed_open_countsItsHoursAgainExactly() throws Exception {
        Path file = directory.resolve("v17.db");
        org.sqlite.SQLiteDataSource source = SqliteStore.dataSource(file, SqliteSettings.defaults(file), false);
        org.flywaydb.core.Flyway.configure().dataSource(source).locations(SqliteStore.MIGRATIONS).target("17").load()
                .migrate();
        Duration run = Duration.ofDays(365L * 200).plusNanos(999_999_999);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String id : List.of("old-1", "old-2")) {
                s.execute("INSERT INTO tasks (tenant_id, id, command, repository_path, priority, status, created_at,"
                        + " started_at, completed_at, execution_duration_nanos, updated_at) VALUES ('default', '" + id
                        + "', 'run', '/r', 'LOW', 'COMPLETED', '1900-01-01T00:10:00.000000000Z',"
                        + " '1900-01-01T00:10:00.000000000Z', '2099-12-09T00:10:00.999999999Z', " + run.toNanos()
                        + ", '2099-12-09T00:10:00.999999999Z')");
            }
            // What the old upsert left: the sum of the two runs, past a long, as a REAL.
            s.execute("INSERT INTO task_counts VALUES ('default', '1900-01-01T00', 'COMPLETED', 2, "
                    + run.toNanos() + " + " + run.toNanos() + ")");
            assertThat(single(s, "SELECT typeof(execution_nanos) FROM task_counts")).isEqualTo("real");
        }

        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            java.time.Instant hour = java.time.Instant.parse("1900-01-01T00:00:00Z");
            assertThat(store.unitOfWork().read(() -> store.tasks().countByHour(TENANT, hour, hour.plusSeconds(3600))))
                    .containsExactly(new dev.orchestra.domain.task.TaskCounts.Hourly(hour,
                            dev.orchestra.domain.task.TaskStatus.COMPLETED, 2, run.multipliedBy(2)));
        }
    }

    private static String single(Statement statement, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void givenTheClaimQueries_queryPlan_readsTheFirstEntryOfAClaimIndexWithoutSorting() throws Exception {
        open().close();
        Path file = directory.resolve("nested/folder/orchestra.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // A claim that sorted its candidates would read every pending task of the tenant (100,000 in the
            // benchmark) for each claim.
            assertThat(plan(c, SqliteTasks.claimQuery(true))).contains("SEARCH t USING INDEX tasks_claim_on_path"
                    + " (tenant_id=? AND status=? AND repository_path=?)").doesNotContain("TEMP B-TREE");
            assertThat(plan(c, SqliteTasks.claimQuery(false)))
                    .contains("SEARCH t USING INDEX tasks_claim_any (tenant_id=? AND status=?)")
                    .doesNotContain("TEMP B-TREE");
        }
    }

    private static String plan(Connection c, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (var statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql); var rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void givenForeignKeysEnforced_taskOfAnUnknownAgent_isRefused() {
        try (SqliteStore store = open()) {
            Task stored = store.unitOfWork().write(() -> store.tasks().add(task("t", "/r")));

            assertThatThrownBy(() -> store.unitOfWork().write(() -> store.tasks().update(
                    stored.assign("no-such-agent", new Lease("x", T0.plusSeconds(9)), T0))))
                    .isInstanceOf(Conflict.class).hasMessageContaining("missing");
        }
    }

    @Test
    void givenSchemaNewerThanThisCode_open_refusesTheDatabase() throws Exception {
        open().close();
        Path file = directory.resolve("nested/folder/orchestra.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success)"
                    + " VALUES (99, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'x',"
                    + " CURRENT_TIMESTAMP, 1, 1)");
        }

        assertThatThrownBy(this::open).isInstanceOf(StoreFailure.class)
                .hasMessageContaining("newer than this program knows").hasMessageContaining("999");
    }

    @Test
    void givenTwoStoresOnOneFile_concurrentWriters_waitInsteadOfFailingWithDatabaseLocked() throws Exception {
        try (SqliteStore first = open(); SqliteStore second = open()) {
            first.unitOfWork().write(() -> first.agents().add(agent("a", "/r")));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> writers = new ArrayList<>();
            for (SqliteStore store : List.of(first, second)) {
                String prefix = store == first ? "first-" : "second-";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String id = prefix + i;
                        store.unitOfWork().write(() -> store.tasks().add(task(id, "/r")));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(first.unitOfWork().read(() -> first.tasks().count(TENANT,
                    dev.orchestra.domain.shared.Specification.all()))).isEqualTo(400);
        }
    }

    @Test
    void givenThousandsOfClaimAndCompleteUnits_theWalIsCheckpointedAndStaysSmall() throws Exception {
        Path file = directory.resolve("nested/folder/orchestra.db");
        try (SqliteStore store = open()) {
            store.unitOfWork().write(() -> store.agents().add(agent("a", "/r")));
            for (int i = 0; i < 3000; i++) {
                String id = "t-" + i;
                store.unitOfWork().writeVoid(() -> {
                    Task t = store.tasks().add(task(id, "/r", TaskPriority.HIGH, T0));
                    Task claimed = store.tasks().update(t.assign("a", new Lease("l", T0.plusSeconds(60)), T0));
                    store.tasks().update(claimed.start(T0).complete("ok", T0.plusSeconds(1)));
                });
            }
            long wal = Files.size(Path.of(file + "-wal"));
            // The automatic checkpoint restarts the WAL at about 1000 pages (4 MiB); growth past
            // that would mean a reader or an unread statement pins it.
            assertThat(wal).isLessThan(16L * 1024 * 1024);
        }
        assertThat(Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0).isZero();
    }

    @Test
    void givenCheckConstraint_writeBypassingTheDomain_isValidationFailed() {
        try (SqliteStore store = open()) {
            SqliteUnitOfWork unitOfWork = (SqliteUnitOfWork) store.unitOfWork();
            assertThatThrownBy(() -> unitOfWork.write(() -> SqlErrors.translate("raw insert", () ->
                    unitOfWork.jdbc().sql("INSERT INTO tasks (tenant_id, id, command, repository_path, priority,"
                            + " status, created_at, updated_at) VALUES ('default', 't', 'c', '/r', 'URGENT',"
                            + " 'PENDING', 'x', 'x')").update())))
                    .isInstanceOf(ValidationFailed.class).hasMessageContaining("raw insert.priority")
                    .hasMessageNotContaining("CHECK").hasMessageNotContaining("URGENT");
        }
    }

    @Test
    void givenStoredRow_insertWithTheSameKeyBypassingTheDomain_isConflictNamingTheFieldNotTheTable() {
        try (SqliteStore store = open()) {
            SqliteUnitOfWork unitOfWork = (SqliteUnitOfWork) store.unitOfWork();
            String insert = "INSERT INTO tasks (tenant_id, id, command, repository_path, priority, status, created_at,"
                    + " updated_at) VALUES ('default', 't', 'c', '/r', 'LOW', 'PENDING', 'x', 'x')";
            unitOfWork.write(() -> unitOfWork.jdbc().sql(insert).update());
            // A client once read "UNIQUE constraint failed: routing_decisions.tenant_id, routing_decisions.id".
            assertThatThrownBy(() -> unitOfWork.write(() -> SqlErrors.translate("raw insert", () ->
                    unitOfWork.jdbc().sql(insert).update())))
                    .isInstanceOf(Conflict.class).hasMessage("raw insert: one with the same id already exists");
        }
        assertThat(SqlErrors.sameKey("UNIQUE constraint failed: chat_messages.tenant_id,"
                + " chat_messages.session_id, chat_messages.sequence_number"))
                .isEqualTo("one with the same sessionId and sequenceNumber");
        assertThat(SqlErrors.sameKey("UNIQUE constraint failed: index 'by_lower_name'"))
                .isEqualTo("one with the same key");
    }

    @Test
    void givenUnitsWaitingBehindABusyWriter_groupCommit_commitsThemTogetherAndAFailingOneAlone() throws Exception {
        try (SqliteStore store = open()) {
            SqliteUnitOfWork unitOfWork = (SqliteUnitOfWork) store.unitOfWork();
            java.util.concurrent.CountDownLatch writerBusy = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(9);
            Future<?> blocker = callers.submit(() -> unitOfWork.write(() -> {
                writerBusy.countDown();
                await(release);
                return store.tasks().add(task("first", "/r"));
            }));
            writerBusy.await(30, TimeUnit.SECONDS);
            long commitsBefore = unitOfWork.commits();
            List<Future<Task>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "t-" + i;
                waiting.add(callers.submit(() -> unitOfWork.write(() -> {
                    Task added = store.tasks().add(task(id, "/r"));
                    if (id.equals("t-3")) {
                        throw new IllegalStateException("unit t-3 fails");
                    }
                    return added;
                })));
            }
            Thread.sleep(300);
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            int failed = 0;
            for (Future<Task> unit : waiting) {
                try {
                    unit.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).hasMessage("unit t-3 fails");
                    failed++;
                }
            }
            callers.shutdown();

            assertThat(failed).isEqualTo(1);
            assertThat(store.unitOfWork().read(() -> store.tasks().findById(TENANT, "t-3"))).isEmpty();
            assertThat(store.unitOfWork().read(() -> store.tasks().count(TENANT,
                    dev.orchestra.domain.shared.Specification.all()))).isEqualTo(8);
            // The blocker's transaction, then the eight waiting units in far fewer than eight commits.
            assertThat(unitOfWork.commits() - commitsBefore).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void givenFullWriteQueue_aWriter_waitsThenFailsWithStoreBusy() throws Exception {
        Path file = directory.resolve("busy.db");
        SqliteSettings settings = new SqliteSettings(file, 1, Duration.ofSeconds(5), SqliteSettings.Synchronous.FULL,
                1, Duration.ofMillis(200), 16);
        try (SqliteStore store = SqliteStore.open(settings)) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch writerBusy = new java.util.concurrent.CountDownLatch(1);
            ExecutorService callers = Executors.newFixedThreadPool(2);
            Future<?> blocker = callers.submit(() -> store.unitOfWork().write(() -> {
                writerBusy.countDown();
                await(release);
                return null;
            }));
            writerBusy.await(30, TimeUnit.SECONDS);
            Future<?> queued = callers.submit(() -> store.unitOfWork().write(() -> store.tasks().add(task("q", "/r"))));
            Thread.sleep(100);

            assertThatThrownBy(() -> store.unitOfWork().write(() -> store.tasks().add(task("refused", "/r"))))
                    .isInstanceOf(StoreFailure.class).hasMessageContaining("store busy");
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            queued.get(30, TimeUnit.SECONDS);
            callers.shutdown();
            assertThat(store.unitOfWork().read(() -> store.tasks().findById(TENANT, "q"))).isPresent();
            assertThat(store.unitOfWork().read(() -> store.tasks().findById(TENANT, "refused"))).isEmpty();
        }
    }

    @Test
    void givenQueuedUnits_close_answersEveryOneBeforeClosing() throws Exception {
        SqliteStore store = open();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Task>> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "t-" + i;
            units.add(callers.submit(() -> store.unitOfWork().write(() -> store.tasks().add(task(id, "/r")))));
        }
        Thread.sleep(20);
        store.close();
        int written = 0;
        for (Future<Task> unit : units) {
            try {
                unit.get(30, TimeUnit.SECONDS);
                written++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StoreFailure.class).hasMessageContaining("closed");
            }
        }
        callers.shutdown();

        try (SqliteStore reopened = open()) {
            assertThat(reopened.unitOfWork().read(() -> reopened.tasks().count(TENANT,
                    dev.orchestra.domain.shared.Specification.all()))).isEqualTo(written);
        }
    }

    @Test
    void givenClosedStore_anyUnitOfWork_failsClearly() {
        SqliteStore store = open();
        store.close();

        assertThatThrownBy(() -> store.unitOfWork().read(() -> null))
                .isInstanceOf(StoreFailure.class).hasMessageContaining("closed");
    }

    private static String pragmas(SqliteUnitOfWork unitOfWork) {
        var jdbc = unitOfWork.jdbc();
        return jdbc.sql("PRAGMA journal_mode").query(String.class).single() + "/"
                + jdbc.sql("PRAGMA foreign_keys").query(String.class).single() + "/"
                + jdbc.sql("PRAGMA synchronous").query(String.class).single() + "/"
                + jdbc.sql("PRAGMA busy_timeout").query(String.class).single();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
