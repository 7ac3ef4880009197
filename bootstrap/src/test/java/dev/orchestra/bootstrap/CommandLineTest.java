package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.json.JsonStore;
import dev.orchestra.bootstrap.cli.ExitCodes;
import dev.orchestra.bootstrap.cli.OrchestraCommand;
import jakarta.validation.Validation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command line as a newcomer meets it: help never starts anything, usage errors are exit 2. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTest {
    @TempDir
    Path directory;

    private record Run(int exit, String out, String err) {
    }

    private static Run orchestra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OrchestraCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"serve", "migrate", "copy", "check", "repair", "backup", "backups", "verify", "restore", "cleanup",
            "keys"})
    void givenACommand_helpAndDashDashHelp_printItsUsageAndStartNothing(String command) {
        Run help = orchestra("help", command);
        Run dashed = orchestra(command, "--help");

        assertThat(help.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(help.out()).startsWith("Usage: orchestra " + command);
        assertThat(dashed.exit()).isEqualTo(ExitCodes.DONE);
        assertThat(dashed.out()).isEqualTo(help.out());
    }

    @Test
    void givenBadOptions_everyCommand_answersUsageErrorsWithExit2() {
        Path file = directory.resolve("state.json");

        assertThat(orchestra("migrate", file.toString(), "--tenant=../x").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--tenant=../x").err()).contains("--tenant");
        assertThat(orchestra("migrate", file.toString(), "--assume-zone=Mars").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--max-findings=-1").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", file.toString(), "--progress=LOUD").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("copy", "--from", "json:" + file).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("bogus").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra().exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void givenNoApiKey_serveOnEveryAddress_refusesToStartAndSaysHowToCreateOne(CapturedOutput output) {
        Path db = directory.resolve("open.db");

        Run serve = orchestra("serve", "--server.port=0", "--server.address=0.0.0.0",
                "--orchestra.storage.path=" + db, "--orchestra.tasks.reaper-period=1h");

        assertThat(serve.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(output.getAll()).contains("refusing to listen on 0.0.0.0 with no API key stored")
                .contains("orchestra keys create --tenant default --role ADMIN")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void givenAJsonStoreLockedByAnotherProcess_serve_saysSoInOneLineWithoutATrace(CapturedOutput output) {
        Path file = directory.resolve("orchestrator-state.json");
        try (JsonStore holder = JsonStore.open(file, Validation.buildDefaultValidatorFactory().getValidator(),
                Clock.systemUTC())) {
            Run serve = orchestra("serve", "--server.port=0", "--orchestra.storage.type=json",
                    "--orchestra.storage.path=" + file, "--orchestra.tasks.reaper-period=1h");

            assertThat(serve.exit()).isEqualTo(ExitCodes.FAILURE);
        }
        assertThat(output.getAll()).contains("is already open in another process")
                .doesNotContain("\tat org.springframework").doesNotContain("UnsatisfiedDependencyException");
    }

    @Test
    void givenStores_check_exitsZeroWhenCleanOneWithAFindingALineAndThreeWhenMissing() throws Exception {
        Path db = directory.resolve("check.db");
        try (dev.orchestra.adapter.sqlite.SqliteStore store = dev.orchestra.adapter.sqlite.SqliteStore.open(
                dev.orchestra.adapter.sqlite.SqliteSettings.defaults(db))) {
            store.unitOfWork().writeVoid(() -> {
                store.tasks().add(dev.orchestra.domain.testing.TestData.task("t1", "/repo"));
                store.tasks().add(dev.orchestra.domain.testing.TestData.task("t2", "/repo"));
            });
        }
        Run clean = orchestra("check", "--store", "sqlite:" + db);
        assertThat(clean.exit()).as(clean.err()).isEqualTo(ExitCodes.DONE);
        assertThat(clean.out()).contains("clean: 0 errors");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("UPDATE tasks SET parent_task_id = 't2' WHERE id = 't1'");
            s.execute("UPDATE tasks SET parent_task_id = 't1' WHERE id = 't2'");
        }

        Run broken = orchestra("check", "--full", "--store", "sqlite:" + db);

        assertThat(broken.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(broken.out()).contains("ERROR task-parent-cycle Task default t1,t2: the parent tasks of t1, t2 form "
                + "a cycle").contains("not clean: 1 errors").contains("(full engine check)");
        Run dry = orchestra("repair", "--dry-run", "--store", "sqlite:" + db);
        assertThat(dry.exit()).as(dry.err()).isEqualTo(ExitCodes.DONE);
        assertThat(dry.out()).contains("WOULD REPAIR task-parent-cycle Task default t2").contains("dry run: 1 changes");
        Run repaired = orchestra("repair", "--store", "sqlite:" + db);
        assertThat(repaired.exit()).as(repaired.out() + repaired.err()).isEqualTo(ExitCodes.DONE);
        assertThat(repaired.out()).contains("repaired: 1 changes, backup ").contains("0 errors remain");
        assertThat(orchestra("check", "--store", "sqlite:" + db).exit()).isEqualTo(ExitCodes.DONE);
        assertThat(orchestra("check", "--store", "sqlite:" + directory.resolve("none.db")).exit())
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(orchestra("check", "--store", "mysql:x").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void givenAStore_backupBackupsAndVerify_takeListAndProveCopiesAndRefuseADamagedOne() throws Exception {
        Path db = directory.resolve("backed.db");
        try (dev.orchestra.adapter.sqlite.SqliteStore store = dev.orchestra.adapter.sqlite.SqliteStore.open(
                dev.orchestra.adapter.sqlite.SqliteSettings.defaults(db))) {
            store.unitOfWork().writeVoid(() -> store.tasks().add(dev.orchestra.domain.testing.TestData.task("t1", "/r")));
        }
        String spec = "sqlite:" + db;

        Run backup = orchestra("backup", "--store", spec);
        assertThat(backup.exit()).as(backup.err()).isEqualTo(ExitCodes.DONE);
        assertThat(backup.out()).contains(" MANUAL ").contains(" verified ").contains("sha256=");
        String id = backup.out().substring(0, backup.out().indexOf(' '));
        Run listed = orchestra("backups", "--store", spec);
        assertThat(listed.out()).contains(id).contains("1 backups");
        assertThat(orchestra("verify", id, "--store", spec).exit()).isEqualTo(ExitCodes.DONE);
        Path copy = directory.resolve("backups").resolve(id + ".db");
        assertThat(orchestra("verify", copy.toString(), "--store", spec).exit()).isEqualTo(ExitCodes.DONE);

        try (dev.orchestra.adapter.sqlite.SqliteStore store = dev.orchestra.adapter.sqlite.SqliteStore.open(
                dev.orchestra.adapter.sqlite.SqliteSettings.defaults(db))) {
            store.unitOfWork().writeVoid(() -> store.tasks().add(dev.orchestra.domain.testing.TestData.task("t2", "/r")));
        }
        Run restored = orchestra("restore", id, "--store", spec);
        assertThat(restored.exit()).as(restored.err()).isEqualTo(ExitCodes.DONE);
        assertThat(restored.out()).contains("safety backup: ").contains(" BEFORE_RESTORE ")
                .contains("restored and verified: " + id);
        assertThat(taskIds(db)).containsExactly("t1");
        Path fresh = directory.resolve("elsewhere").resolve("new.db");
        Run intoNew = orchestra("restore", copy.toString(), "--store", "sqlite:" + fresh);
        assertThat(intoNew.exit()).as(intoNew.err()).isEqualTo(ExitCodes.DONE);
        assertThat(taskIds(fresh)).containsExactly("t1");

        java.nio.file.Files.write(copy, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        String before = dev.orchestra.domain.shared.Digests.sha256(java.nio.file.Files.readAllBytes(db));
        Run refused = orchestra("restore", id, "--store", spec);
        assertThat(refused.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("does not verify").contains("the store is unchanged");
        assertThat(dev.orchestra.domain.shared.Digests.sha256(java.nio.file.Files.readAllBytes(db))).isEqualTo(before);
        Run damaged = orchestra("verify", id, "--store", spec);
        assertThat(damaged.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(damaged.out()).contains("NOT verified").contains("SHA-256");
        Path garbage = java.nio.file.Files.writeString(directory.resolve("garbage.db"), "not a database");
        assertThat(orchestra("verify", garbage.toString(), "--store", spec).exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(orchestra("verify", "no-such-backup", "--store", spec).exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    private static java.util.List<String> taskIds(Path db) {
        try (dev.orchestra.adapter.sqlite.SqliteStore store = dev.orchestra.adapter.sqlite.SqliteStore.open(
                dev.orchestra.adapter.sqlite.SqliteSettings.defaults(db))) {
            return store.unitOfWork().read(() -> store.tasks().find(dev.orchestra.domain.shared.TenantId.DEFAULT,
                    dev.orchestra.domain.shared.Specification.all(), new dev.orchestra.domain.shared.PageRequest<>(0,
                            100, java.util.List.of(dev.orchestra.domain.task.TaskFields.ID.asc()))).items())
                    .stream().map(dev.orchestra.domain.task.Task::id).toList();
        }
    }

    @Test
    void givenAStore_cleanup_countsOnADryRunRemovesOtherwiseAndRefusesABadAge() {
        Path db = directory.resolve("retained.db");
        try (dev.orchestra.adapter.sqlite.SqliteStore store = dev.orchestra.adapter.sqlite.SqliteStore.open(
                dev.orchestra.adapter.sqlite.SqliteSettings.defaults(db))) {
            store.unitOfWork().writeVoid(() -> store.tasks().add(dev.orchestra.domain.testing.TestData
                    .completedTask("old", null)));
        }
        String spec = "sqlite:" + db;

        Run dry = orchestra("cleanup", "--dry-run", "--keep", "finished-tasks=30d", "--store", spec);
        Run done = orchestra("cleanup", "--keep", "finished-tasks=30d", "--store", spec);

        assertThat(dry.exit()).as(dry.err()).isEqualTo(ExitCodes.DONE);
        assertThat(dry.out()).contains("finished-tasks older than PT720H").contains(": 1 would be removed")
                .contains("dry run: nothing changed");
        assertThat(done.exit()).as(done.err()).isEqualTo(ExitCodes.DONE);
        assertThat(done.out()).contains("finished-tasks older than PT720H").contains(": 1 removed")
                .contains("bytes before ");
        assertThat(taskIds(db)).isEmpty();
        assertThat(orchestra("cleanup", "--keep", "bogus=1d", "--store", spec).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("cleanup", "--keep", "finished-tasks=-1d", "--store", spec).exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("cleanup", "--keep", "finished-tasks=soon", "--store", spec).err())
                .contains("is not a duration");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAStore_keysCreateListRevoke_printTheSecretOnceAloneOnTheLastLineAndRefuseBadInput(String kind) {
        String spec = kind + ":" + directory.resolve(kind.equals("sqlite") ? "keys.db" : "keys.json");

        Run created = orchestra("keys", "create", "--tenant", "acme", "--role", "OPERATOR", "--name", "team ops",
                "--store", spec);

        assertThat(created.exit()).as(created.err()).isEqualTo(ExitCodes.DONE);
        String[] lines = created.out().strip().split("\\R");
        String secret = lines[lines.length - 1];
        assertThat(dev.orchestra.domain.access.ApiKeySecret.wellFormed(secret)).as(created.out()).isTrue();
        String id = lines[0].split(" ")[0];
        assertThat(lines[0]).contains("acme OPERATOR", "name=\"team ops\"", "lastUsed=never", "active")
                .doesNotContain(secret);
        Run listed = orchestra("keys", "list", "--tenant", "acme", "--store", spec);
        assertThat(listed.out()).startsWith(id + " acme OPERATOR").doesNotContain(secret);
        assertThat(orchestra("keys", "list", "--store", spec).out()).as("the default tenant has none").isEmpty();
        Run revoked = orchestra("keys", "revoke", "--tenant", "acme", id, "--store", spec);
        assertThat(revoked.exit()).as(revoked.err()).isEqualTo(ExitCodes.DONE);
        assertThat(revoked.out()).contains("REVOKED");
        assertThat(orchestra("keys", "list", "--tenant", "acme", "--store", spec).out()).contains("REVOKED");

        Run noAgent = orchestra("keys", "create", "--tenant", "acme", "--role", "AGENT", "--agent", "agent-404",
                "--name", "ci", "--store", spec);
        assertThat(noAgent.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noAgent.err()).contains("agent-404").contains("register it first");
        assertThat(orchestra("keys", "create", "--tenant", "acme", "--role", "ROOT", "--name", "x", "--store", spec)
                .exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("keys", "create", "--tenant", "../x", "--role", "ADMIN", "--name", "x", "--store", spec)
                .exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(orchestra("keys", "revoke", "nope", "--tenant", "acme", "--store", spec).err())
                .contains("nope");
        assertThat(orchestra("keys", "list", "--tenant", "acme", "--store", spec).out().strip().split("\\R"))
                .as("nothing refused was stored").hasSize(1);
    }
}
