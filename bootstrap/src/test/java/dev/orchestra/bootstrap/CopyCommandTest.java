package dev.orchestra.bootstrap;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.bootstrap.cli.ExitCodes;
import dev.orchestra.bootstrap.cli.OrchestraCommand;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.testing.TestData;
import jakarta.validation.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestra copy}: SQLite to JSON and back keeps every row of every tenant as it was. */
class CopyCommandTest {
    @TempDir
    Path directory;

    private int orchestra(String... args) {
        return OrchestraCommand.execute(args, new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
    }

    private static Store sqlite(Path file) {
        return SqliteStore.open(SqliteSettings.defaults(file));
    }

    private static Store json(Path file) {
        return JsonStore.open(file, Validation.buildDefaultValidatorFactory().getValidator(),
                Clock.systemUTC());
    }

    private static void fill(Store s) {
        s.unitOfWork().writeVoid(() -> {
            s.repositories().add(TestData.repository("repo-1", "C:\\Sources\\Demo"));
            s.agents().add(TestData.agent("agent-1", "C:\\Sources\\Demo").withVersion(4));
            s.agents().add(TestData.agent("gone", "/r").deleted(T0.plusSeconds(9), "admin"));
            s.agents().add(TestData.inTenant(TestData.agent("agent-1", "/theirs"), OTHER_TENANT));
            s.tasks().add(TestData.completedTask("done", "agent-1"));
            Task root = s.tasks().add(TestData.task("root", "/repo"));
            // A child created before its parent: the copy must still insert the parent first.
            s.tasks().add(TestData.child("child", "root", T0.minusSeconds(30)));
            Task claimed = s.tasks().add(TestData.task("claimed", "/repo", dev.orchestra.domain.task.TaskPriority.HIGH,
                    T0.plusSeconds(1)));
            s.tasks().update(claimed.assign("agent-1", new Lease("token-1", T0.plusSeconds(300)), T0.plusSeconds(2)));
            s.tasks().update(root.cancel(T0.plusSeconds(3)));
            for (int i = 0; i < 1200; i++) {
                s.tasks().add(TestData.task(String.format("bulk-%04d", i), "/repo").withVersion(i % 3));
            }
            s.preferences().add(TestData.preference("p1", new PreferenceScope("alice", "repo-1", null), "ui.theme",
                    "light"));
            s.auditTrail().append(new AuditEntry(TENANT, "e1", "Task", "done", AuditAction.UPDATE, "{}",
                    "{\"a\":1}", List.of("a"), "alice", null, T0, true, null, 1));
            s.templates().add(TestData.template("tpl-1"));
            s.legacyImports().add(new LegacyImport(TENANT, "i1", "orchestrator-state.json", 10, "d".repeat(64), 1, 2,
                    3, 0, T0, Duration.ofSeconds(2), "alice"));
            s.areas().forEach(CopyCommandTest::addSample);
        });
    }

    /** A third tenant holding one sample row of every area, whatever areas the store has. */
    private static final TenantId SAMPLED = new TenantId("sampled");

    @SuppressWarnings("unchecked")
    private static <T> void addSample(dev.orchestra.domain.store.Area<T> area) {
        Record sample = dev.orchestra.domain.contract.StoreAreasContractTest.SAMPLES.get(area.name());
        assertThat(sample).as("a sample row for area '%s'", area.name()).isNotNull();
        area.addAll(List.of((T) dev.orchestra.domain.testing.Records.with(sample, "tenantId", SAMPLED)));
    }

    /** Every row of every area of every tenant, in a comparable form: derived from the store's areas. */
    private static Map<String, List<?>> content(Store s) {
        return s.unitOfWork().read(() -> {
            Map<String, List<?>> all = new LinkedHashMap<>();
            for (TenantId tenant : List.of(TENANT, OTHER_TENANT, SAMPLED)) {
                for (dev.orchestra.domain.store.Area<?> area : s.areas()) {
                    List<Object> rows = new ArrayList<>();
                    area.each(tenant, rows::add);
                    all.put(tenant.value() + "/" + area.name(), rows);
                }
            }
            return all;
        });
    }

    @Test
    void givenSqliteStore_copyToJsonAndBack_givesIdenticalContent() {
        Path original = directory.resolve("original.db");
        Path legacy = directory.resolve("legacy/orchestrator-state.json");
        Path back = directory.resolve("back.db");
        Map<String, List<?>> before;
        try (Store store = sqlite(original)) {
            fill(store);
            before = content(store);
        }
        assertThat(before.get("default/tasks")).hasSize(1204);
        assertThat(before).as("every area has a row to copy").allSatisfy((area, rows) -> {
            if (area.startsWith(SAMPLED.value())) {
                assertThat(rows).as(area).hasSize(1);
            }
        });

        assertThat(orchestra("copy", "--from", "sqlite:" + original, "--to", "json:" + legacy))
                .isEqualTo(ExitCodes.DONE);
        assertThat(orchestra("copy", "--from", "json:" + legacy, "--to", "sqlite:" + back))
                .isEqualTo(ExitCodes.DONE);

        try (Store copy = json(legacy)) {
            assertThat(content(copy)).isEqualTo(before);
        }
        try (Store copy = sqlite(back)) {
            assertThat(content(copy)).isEqualTo(before);
        }
    }

    @Test
    void givenTargetWithData_copy_isRefusedUnlessMerging() {
        Path source = directory.resolve("source.db");
        Path target = directory.resolve("target.json");
        try (Store store = sqlite(source)) {
            fill(store);
        }
        try (Store store = json(target)) {
            store.unitOfWork().writeVoid(() -> store.agents().add(TestData.agent("agent-1", "/mine")));
        }

        assertThat(orchestra("copy", "--from", "sqlite:" + source, "--to", "json:" + target))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        try (Store store = json(target)) {
            assertThat(store.unitOfWork().read(() -> store.tasks().count(TENANT, Specification.all()))).isZero();
        }
        assertThat(orchestra("copy", "--from", "sqlite:" + source, "--to", "json:" + target, "--merge"))
                .isEqualTo(ExitCodes.DONE);
        try (Store store = json(target)) {
            assertThat(store.unitOfWork().read(() -> store.agents().findById(TENANT, "agent-1")).orElseThrow()
                    .repositoryPath()).isEqualTo("/mine");
            assertThat(store.unitOfWork().read(() -> store.tasks().count(TENANT, Specification.all())))
                    .isEqualTo(1204);
        }
    }

    @Test
    void givenAHandEditedJsonStoreWithValuesNoStoreMayKeep_copyToSqlite_namesThemAndWritesNothing() throws Exception {
        Path legacy = directory.resolve("edited.json");
        try (Store store = json(legacy)) {
            store.unitOfWork().writeVoid(() -> {
                store.agents().add(TestData.agent("agent-1", "/repo"));
                store.agents().add(TestData.agent("agent-2", "/repo"));
            });
        }
        // Someone edits the file by hand: a NUL where SQLite would count an empty name.
        String text = java.nio.file.Files.readString(legacy);
        assertThat(text).contains("\"Agent agent-2\"");
        java.nio.file.Files.writeString(legacy, text.replace("\"Agent agent-2\"", "\"\\u0000Agent agent-2\""));
        Path target = directory.resolve("target.db");
        StringWriter err = new StringWriter();

        int exit = OrchestraCommand.execute(new String[] {"copy", "--from", "json:" + legacy, "--to", "sqlite:" + target},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("agents[default/agent-2].name").contains("NUL")
                .contains("nothing was written").doesNotContain("CHECK");
        try (Store store = sqlite(target)) {
            assertThat(store.unitOfWork().read(() -> store.agents().count(TENANT, Specification.all()))).isZero();
        }
    }

    @Test
    void givenBadStoreNames_copy_isAUsageError() {
        assertThat(orchestra("copy", "--from", "mysql:x", "--to", "json:y")).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("copy", "--from", "sqlite:" + directory.resolve("a.db"), "--to",
                "sqlite:" + directory.resolve("a.db"))).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("copy", "--from", "sqlite:" + directory.resolve("missing.db"), "--to",
                "json:" + directory.resolve("b.json"))).isEqualTo(ExitCodes.FAILURE);
    }
}
