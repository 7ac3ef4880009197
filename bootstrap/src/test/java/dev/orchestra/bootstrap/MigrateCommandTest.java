package dev.orchestra.bootstrap;

import static dev.orchestra.adapter.json.testing.LegacyFileWriter.legacyFile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.adapter.json.testing.LegacyFileWriter;
import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.bootstrap.cli.ExitCodes;
import dev.orchestra.bootstrap.cli.OrchestraCommand;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The {@code migrate} command end to end, in process: exit codes, reports, and what reaches the database. */
class MigrateCommandTest {
    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {
    }

    private Run orchestra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OrchestraCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path db() {
        return directory.resolve("target.db");
    }

    private Path source() {
        return directory.resolve("orchestrator-state.json");
    }

    private <T> T inDatabase(java.util.function.Function<SqliteStore, T> query) {
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(db()))) {
            return store.unitOfWork().read(() -> query.apply(store));
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void given200AgentsAcross10RepositoriesWithOffsetsAnd7Digits_migrate_keepsEveryLastPingToTheNanosecond()
            throws Exception {
        LegacyFileWriter file = legacyFile().agents(200).repositories(10).tasks(400).agentStatuses(0, 1, 4)
                .zone(LegacyFileWriter.Zone.OFFSET).fractionDigits(7);
        file.writeTo(source());

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.DONE);
        assertThat(run.out()).contains("IMPORTED").contains("10 repositories, 200 agents, 400 tasks");
        List<Agent> agents = inDatabase(s -> s.agents().find(TenantId.DEFAULT, Specification.all(),
                new PageRequest<>(0, 500, List.of(AgentFields.ID.asc()))).items());
        assertThat(agents).hasSize(200);
        for (int i = 0; i < 200; i++) {
            int index = i;
            Agent agent = agents.stream().filter(a -> a.id().equals(file.agentId(index))).findFirst().orElseThrow();
            assertThat(agent.lastPing()).as("agent %d", i).isEqualTo(file.lastPing(i));
            assertThat(agent.lastPing().getNano() % 100).isZero();
            assertThat(agent.status()).isEqualTo(switch (file.agentStatus(i)) {
                case 0 -> AgentStatus.IDLE;
                case 1 -> AgentStatus.BUSY;
                default -> AgentStatus.OFFLINE;
            });
            assertThat(agent.repositoryId()).isNotNull();
            assertThat(agent.legacyAttributes().json()).contains("LastActiveTime");
        }
        Optional<CodeRepository> windows = inDatabase(s -> s.repositories().findByPath(TenantId.DEFAULT,
                "C:\\Sources\\Repo0"));
        Optional<CodeRepository> unix = inDatabase(s -> s.repositories().findByPath(TenantId.DEFAULT,
                "/Users/dev/src/repo-9"));
        long tasks = inDatabase(s -> s.tasks().count(TenantId.DEFAULT, Specification.all()));
        assertThat(windows).isPresent();
        assertThat(unix).isPresent();
        assertThat(tasks).isEqualTo(400);
        assertThat(source()).doesNotExist();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches("orchestrator-state_migrated_\\d{8}_\\d{6}\\.json"));
        }
    }

    @Test
    void givenImportedFile_migrateAgain_saysAlreadyImportedAndChangesNothing() throws Exception {
        legacyFile().agents(3).tasks(10).writeTo(source());
        assertThat(orchestra("migrate", source().toString(), "--to", db().toString(), "--keep-source",
                "--progress", "NONE").exitCode()).isZero();
        String before = sha256(db());

        Run again = orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.DONE);
        assertThat(again.out()).contains("ALREADY_IMPORTED").contains("already imported");
        assertThat(sha256(db())).isEqualTo(before);
        assertThat(source()).exists();
    }

    @Test
    void givenTargetWithData_migrate_backsItUpFirst() throws Exception {
        legacyFile().agents(2).tasks(2).writeTo(source());
        orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");
        LegacyFileWriter second = legacyFile().agents(0).tasks(3).repositories(1).withoutSummaries();
        Path other = second.task(0, "Id", "other-0").task(1, "Id", "other-1").task(2, "Id", "other-2")
                .task(1, "Status", 0).task(2, "Status", 0)
                .writeTo(directory.resolve("second.json"));

        Run run = orchestra("migrate", other.toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("backup of the target:");
        try (Stream<Path> backups = Files.list(directory.resolve("backups"))) {
            assertThat(backups.filter(p -> p.toString().endsWith(".db")).toList()).hasSize(1);
        }
        Run listed = orchestra("backups", "--store", "sqlite:" + db());
        assertThat(listed.out()).contains(" BEFORE_MIGRATION ").contains(" verified ").contains("1 backups");
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("a command over 2000 characters", legacyFile().task(3, "Command", "x".repeat(2001)),
                        "$.TaskQueue[3].Command"),
                Arguments.of("a path over 500 characters", legacyFile().task(1, "RepositoryPath", "/" + "p".repeat(500)),
                        "$.TaskQueue[1].RepositoryPath"),
                Arguments.of("StartedAt before CreatedAt", legacyFile().task(2, "StartedAt", "2020-01-01T00:00:00Z"),
                        "$.TaskQueue[2].StartedAt"),
                Arguments.of("CompletedAt before StartedAt", legacyFile().task(3, "CompletedAt",
                        "2025-09-01T10:51:04Z"), "$.TaskQueue[3].CompletedAt"),
                Arguments.of("a duplicate task id", legacyFile().task(4, "Id", legacyFile().taskId(1)),
                        "$.TaskQueue[4].Id"),
                Arguments.of("an unknown enum value", legacyFile().task(2, "Status", "Paused"),
                        "$.TaskQueue[2].Status"),
                Arguments.of("a task status number outside the table", legacyFile().task(2, "Priority", 7),
                        "$.TaskQueue[2].Priority"),
                Arguments.of("a task of a missing agent", legacyFile().task(1, "AgentId", "ghost"),
                        "$.TaskQueue[1].AgentId"),
                Arguments.of("a timestamp that is not one", legacyFile().task(0, "CreatedAt", "yesterday"),
                        "$.TaskQueue[0].CreatedAt"),
                Arguments.of("a blank command", legacyFile().task(0, "Command", " "), "$.TaskQueue[0].Command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void givenMalformedFile_migrate_exits1NamingThePlaceAndLeavesTheDatabaseByteForByte(String problem,
            LegacyFileWriter file, String path) throws Exception {
        legacyFile().agents(1).tasks(1).task(0, "Id", "existing").writeTo(directory.resolve("first.json"));
        orchestra("migrate", directory.resolve("first.json").toString(), "--to", db().toString(), "--progress",
                "NONE");
        String before = sha256(db());
        file.writeTo(source());

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("INVALID").contains("ERROR " + path);
        assertThat(sha256(db())).isEqualTo(before);
        assertThat(Path.of(db() + "-wal")).doesNotExist();
        assertThat(source()).exists();
    }

    @Test
    void givenTargetHoldingTheSameAgent_migrate_exits1AndKeepsTheTargetAsItWas() throws Exception {
        legacyFile().agents(2).tasks(4).writeTo(directory.resolve("first.json"));
        orchestra("migrate", directory.resolve("first.json").toString(), "--to", db().toString(), "--progress",
                "NONE");
        Path second = legacyFile().agents(2).tasks(3).task(0, "Id", "new-0").task(1, "Id", "new-1")
                .task(2, "Id", "new-2").writeTo(source());

        Run run = orchestra("migrate", second.toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("CONFLICT").contains("Repo0_0000").contains("nothing was written");
        long tasks = inDatabase(s -> s.tasks().count(TenantId.DEFAULT, Specification.all()));
        long imports = inDatabase(s -> (long) s.legacyImports().list(TenantId.DEFAULT).size());
        assertThat(tasks).isEqualTo(4);
        assertThat(imports).isEqualTo(1);
        assertThat(source()).exists();
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of("duplicate keys in one object", "{\"Agents\":{\"a\":{\"Id\":\"a\",\"Name\":\"x\","
                        + "\"Name\":\"y\",\"Type\":\"t\",\"RepositoryPath\":\"/r\",\"Status\":0}},\"TaskQueue\":[]}",
                        "$.Agents.a", "Duplicate"),
                Arguments.of("content after the document", "{\"TaskQueue\":[]} []", "$", "after the end"),
                Arguments.of("an agent status outside the mapping", "{\"Agents\":{\"a\":{\"Name\":\"x\","
                        + "\"Type\":\"t\",\"RepositoryPath\":\"/r\",\"Status\":9}}}", "$.Agents.a.Status", "outside"),
                Arguments.of("a document that is not an object", "[{\"Id\":\"t\"}]", "$", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void givenBrokenDocument_migrate_exits1NamingThePlaceAndLeavesTheDatabaseByteForByte(String problem,
            String json, String path, String message) throws Exception {
        legacyFile().agents(1).tasks(1).writeTo(directory.resolve("first.json"));
        orchestra("migrate", directory.resolve("first.json").toString(), "--to", db().toString(), "--progress",
                "NONE");
        String before = sha256(db());
        Files.writeString(source(), json);

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("ERROR " + path).contains(message);
        assertThat(sha256(db())).isEqualTo(before);
    }

    @Test
    void givenTruncatedFile_migrate_exits1WithLineAndColumnAndCreatesNoDatabase() throws Exception {
        String whole = Files.readString(legacyFile().agents(3).tasks(5).writeTo(directory.resolve("whole.json")));
        Files.writeString(source(), whole.substring(0, whole.length() - 40));

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--progress", "NONE");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("not valid JSON").contains("line 1, column");
        assertThat(db()).doesNotExist();
    }

    @Test
    void givenOrphanTasks_unassignOrphans_importsThemUnassignedAndActiveOnesPending() throws Exception {
        LegacyFileWriter file = legacyFile().agents(2).tasks(6).task(1, "AgentId", "ghost").task(2, "AgentId",
                "ghost").task(3, "AgentId", "ghost");
        file.writeTo(source());

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--unassign-orphans",
                "--progress", "NONE");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("WARNING $.TaskQueue[1].AgentId").contains("3 task(s) point at agent 'ghost'");
        Task assigned = inDatabase(s -> s.tasks().findById(TenantId.DEFAULT, file.taskId(1)).orElseThrow());
        Task completed = inDatabase(s -> s.tasks().findById(TenantId.DEFAULT, file.taskId(3)).orElseThrow());
        assertThat(assigned.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(assigned.agentId()).isNull();
        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.agentId()).isNull();
    }

    @Test
    void givenDryRunWithAReport_migrate_writesNothingButTheReport() throws Exception {
        legacyFile().agents(4).tasks(8).zone(LegacyFileWriter.Zone.NONE).writeTo(source());
        Path report = directory.resolve("reports/report.json");

        Run run = orchestra("migrate", source().toString(), "--to", db().toString(), "--dry-run", "--report",
                report.toString(), "--assume-zone", "+02:00", "--progress", "NONE");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("VALID_DRY_RUN").contains("times without a zone, read as +02:00");
        assertThat(db()).doesNotExist();
        assertThat(source()).exists();
        JsonNode json = Http.JSON.readTree(Files.readString(report));
        assertThat(json.get("outcome").asString()).isEqualTo("VALID_DRY_RUN");
        assertThat(json.get("counts").get("tasks").asLong()).isEqualTo(8);
        assertThat(json.get("timesWithoutZone").asLong()).isPositive();
    }

    @Test
    void givenStatusMappingThatDisagreesWithTheSummaries_migrate_warnsAndTheOverrideFixesIt() throws Exception {
        legacyFile().agents(6).agentStatuses(1, 3).writeTo(source());

        Run disagreeing = orchestra("migrate", source().toString(), "--dry-run", "--agent-status-map", "1=IDLE",
                "--progress", "NONE");
        Run agreeing = orchestra("migrate", source().toString(), "--dry-run", "--progress", "NONE");

        assertThat(disagreeing.out()).contains("mapping disagrees with the summary").contains("WorkingCount");
        assertThat(agreeing.out()).doesNotContain("mapping disagrees");
    }

    @Test
    void givenBadArguments_theCommandLine_exits2WithAMessage() {
        Run zone = orchestra("migrate", "x.json", "--assume-zone", "bogus");
        Run map = orchestra("migrate", "x.json", "--agent-status-map", "1=SLEEPING");
        Run missing = orchestra("migrate");

        assertThat(zone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zone.err()).contains("--assume-zone").contains("bogus");
        assertThat(map.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(map.err()).contains("SLEEPING");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(orchestra("migrate", directory.resolve("none.json").toString()).exitCode())
                .isEqualTo(ExitCodes.FAILURE);
    }
}
