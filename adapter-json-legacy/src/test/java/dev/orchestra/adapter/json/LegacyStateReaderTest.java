package dev.orchestra.adapter.json;

import static dev.orchestra.adapter.json.testing.LegacyFileWriter.legacyFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orchestra.adapter.json.testing.LegacyFileWriter;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.migration.Finding;
import dev.orchestra.domain.migration.LegacyDocuments;
import dev.orchestra.domain.migration.LegacyReadOptions;
import dev.orchestra.domain.migration.LegacyRepositorySummary;
import dev.orchestra.domain.migration.LegacyVisitor;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyStateReaderTest {
    @TempDir
    Path directory;
    private final LegacyStateReader reader = new LegacyStateReader();

    /** Everything a reading handed over. */
    static final class Collected implements LegacyVisitor {
        final List<LegacyRepositorySummary> repositories = new ArrayList<>();
        final List<Agent> agents = new ArrayList<>();
        final List<Integer> legacyStatuses = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        LegacyDocuments.ReadSummary summary;

        @Override
        public void repository(LegacyRepositorySummary summary) {
            repositories.add(summary);
        }

        @Override
        public void agent(Agent agent, String jsonPath, Integer legacyStatus) {
            agents.add(agent);
            legacyStatuses.add(legacyStatus);
        }

        @Override
        public void task(Task task, String jsonPath) {
            tasks.add(task);
        }

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }

        List<Finding> errors() {
            return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
        }
    }

    private Collected read(Path file) {
        return read(file, LegacyReadOptions.defaults(TenantId.DEFAULT));
    }

    private Collected read(Path file, LegacyReadOptions options) {
        Collected collected = new Collected();
        collected.summary = reader.read(file, options, collected);
        return collected;
    }

    private Path write(LegacyFileWriter writer) throws Exception {
        return writer.writeTo(directory.resolve("orchestrator-state.json"));
    }

    private Path write(String json) throws Exception {
        return Files.writeString(directory.resolve("orchestrator-state.json"), json);
    }

    @Test
    void givenCleanFile_read_handsOverEveryItemExactlyWithoutErrors() throws Exception {
        LegacyFileWriter file = legacyFile().agents(12).repositories(3).tasks(30);

        Collected read = read(write(file));

        assertThat(read.errors()).isEmpty();
        assertThat(read.agents).hasSize(12);
        assertThat(read.tasks).hasSize(30);
        assertThat(read.repositories).hasSize(3);
        for (int i = 0; i < 12; i++) {
            Agent agent = read.agents.get(i);
            assertThat(agent.id()).isEqualTo(file.agentId(i));
            assertThat(agent.lastPing()).as("agent %d", i).isEqualTo(file.lastPing(i));
            assertThat(agent.repositoryPath()).isEqualTo(file.repositoryPath(i % 3));
            assertThat(agent.legacyAttributes().json()).contains("LastActiveTime");
        }
        assertThat(read.agents).extracting(Agent::status).startsWith(AgentStatus.IDLE, AgentStatus.BUSY,
                AgentStatus.OFFLINE);
        assertThat(read.legacyStatuses).startsWith(0, 1, 4);
        Task completed = read.tasks.get(3);
        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.priority()).isEqualTo(TaskPriority.CRITICAL);
        assertThat(completed.result()).isEqualTo("ok");
        assertThat(completed.executionDuration()).hasSeconds(60);
        assertThat(read.tasks.get(0).agentId()).as("AgentId \"\" is unassigned").isNull();
        assertThat(read.summary.lastUpdate()).isNotNull();
        assertThat(read.summary.timesWithoutZone()).isZero();
        assertThat(read.repositories.get(0).path()).isEqualTo("C:\\Sources\\Repo0");
        assertThat(read.repositories.get(1).path()).isEqualTo("/Users/dev/src/repo-1");
    }

    @Test
    void givenCamelCaseNamesEnumNamesBomAndLastUpdated_read_givesTheSameData() throws Exception {
        LegacyFileWriter pascal = legacyFile().agents(5).tasks(12);
        Collected expected = read(write(pascal));
        LegacyFileWriter variant = legacyFile().agents(5).tasks(12).camelCase().enumNames().byteOrderMark()
                .lastUpdatedSpelling();

        Collected read = read(write(variant));

        assertThat(read.errors()).isEmpty();
        assertThat(read.tasks).isEqualTo(expected.tasks);
        assertThat(read.agents).extracting(Agent::status).isEqualTo(expected.agents.stream().map(Agent::status)
                .toList());
        assertThat(read.agents).extracting(Agent::lastPing).isEqualTo(expected.agents.stream()
                .map(Agent::lastPing).toList());
        assertThat(read.summary.lastUpdate()).isEqualTo(expected.summary.lastUpdate());
    }

    @Test
    void givenZeroToSevenFractionalDigits_read_keepsEveryDigit() throws Exception {
        LegacyFileWriter file = legacyFile().agents(16).cycleFractionDigits();

        Collected read = read(write(file));

        for (int i = 0; i < 16; i++) {
            assertThat(read.agents.get(i).lastPing()).as("agent %d with %d digits", i, i % 8)
                    .isEqualTo(file.lastPing(i));
        }
        assertThat(read.agents.get(7).lastPing().getNano() % 100).isZero();
        assertThat(read.agents.get(7).lastPing().getNano()).isNotZero();
    }

    @Test
    void givenTimesWithoutZone_read_usesTheAssumedZoneAndCountsThem() throws Exception {
        LegacyFileWriter file = legacyFile().agents(2).tasks(0).zone(LegacyFileWriter.Zone.NONE);
        Path path = write(file);

        Collected utc = read(path);
        Collected plusTwo = read(path, new LegacyReadOptions(TenantId.DEFAULT, ZoneOffset.ofHours(2),
                LegacyReadOptions.DEFAULT_AGENT_STATUS_MAP));

        assertThat(utc.agents.get(1).lastPing()).isEqualTo(file.lastPing(1));
        assertThat(plusTwo.agents.get(1).lastPing()).isEqualTo(file.lastPing(1).minusSeconds(7200));
        // Two LastPing and the document's LastUpdate: the times the reader turns into instants.
        assertThat(utc.summary.timesWithoutZone()).isEqualTo(3);
    }

    @Test
    void givenMinValueTimesAndRepositoriesKeyedByPath_read_treatsThemAsNeverAndUsesTheKeyAsPath() throws Exception {
        LegacyFileWriter file = legacyFile().agents(1).tasks(3).repositoriesKeyedByPath()
                .task(2, "StartedAt", "0001-01-01T00:00:00").agent(0, "LastPing", "0001-01-01T00:00:00");

        Collected read = read(write(file));

        assertThat(read.tasks.get(2).startedAt()).isNull();
        assertThat(read.agents.get(0).lastPing()).isEqualTo(Instant.EPOCH);
        assertThat(read.findings).anyMatch(f -> f.path().equals("$.Agents.Repo0_0000.LastPing"));
        assertThat(read.repositories.get(0).path()).isEqualTo(file.repositoryPath(0));
    }

    @Test
    void givenUnknownTaskFieldsAndMissingIds_read_reportsThemAndGivesDeterministicIds() throws Exception {
        LegacyFileWriter file = legacyFile().agents(1).tasks(3).task(1, "Id", "").task(2, "Shard", "7");
        Path path = write(file);

        Collected first = read(path);
        Collected second = read(path);

        assertThat(first.tasks.get(1).id()).isNotBlank().isEqualTo(second.tasks.get(1).id());
        assertThat(first.findings).anyMatch(f -> f.path().equals("$.TaskQueue[2].Shard")
                && f.message().contains("1 task(s)"));
        assertThat(first.errors()).isEmpty();
    }

    @Test
    void givenStatusNumbersOutsideTheTables_read_reportsErrorsAtTheirPaths() throws Exception {
        Collected read = read(write(legacyFile().agents(2).tasks(2).task(1, "Priority", 4).task(0, "Status", 9)
                .agent(1, "Status", 5)));

        assertThat(read.errors()).extracting(Finding::path).containsExactlyInAnyOrder(
                "$.Agents.Repo0_0001.Status", "$.TaskQueue[0].Status", "$.TaskQueue[1].Priority");
        assertThat(read.errors()).extracting(Finding::message).anyMatch(m -> m.contains("0 to 3"));
    }

    @Test
    void givenNumbersNoFieldHolds_read_reportsErrorsAtTheirPathsInsteadOfCastingThem() throws Exception {
        Collected read = read(write(legacyFile().agents(2).tasks(6)
                .task(0, "Priority", new java.math.BigInteger("99999999999999999999")).task(1, "Priority", 1.5)
                .task(2, "RetryCount", 4_294_967_297L).task(3, "WorkflowStep", "x")
                .task(4, "RetryCount", "2").task(4, "WorkflowStep", 3.0)
                .agent(0, "TasksCompleted", "many").agent(1, "TasksCompleted", "7")));

        // A cast once made RetryCount 4294967297 a quiet 1, and Jackson's own words reached the report.
        assertThat(read.errors()).extracting(f -> f.path() + ": " + f.message()).containsExactlyInAnyOrder(
                "$.TaskQueue[0].Priority: 99999999999999999999 is not a TaskPriority (0 to 3)",
                "$.TaskQueue[1].Priority: 1.5 is not a TaskPriority (0 to 3)",
                "$.TaskQueue[2].RetryCount: 4294967297 is not a whole number from 0 to 2147483647",
                "$.TaskQueue[3].WorkflowStep: 'x' is not a whole number",
                "$.Agents.Repo0_0000.TasksCompleted: 'many' is not a whole number");
        assertThat(read.tasks).filteredOn(t -> t.id().equals(legacyFile().taskId(4)))
                .extracting(Task::retryCount, Task::workflowStep).containsExactly(tuple(2, 3));
        assertThat(read.agents).extracting(a -> a.statistics().completed()).containsExactly(7L);
    }

    @Test
    void givenRepositorySummaryCountsThatAreNoCounts_read_leavesThemOutWithAWarningAtTheirPaths() throws Exception {
        Collected read = read(write("{\"Agents\":{},\"TaskQueue\":[],\"Repositories\":{\"r1\":{\"Name\":\"r\","
                + "\"Path\":\"/r\",\"IdleCount\":\"abc\",\"WorkingCount\":4294967297,\"ErrorCount\":\"2\","
                + "\"OfflineCount\":1.5}}}"));

        // A cast made WorkingCount 4294967297 a 1; the text "abc" stopped the whole read with Jackson's words.
        assertThat(read.errors()).isEmpty();
        assertThat(read.findings).extracting(f -> f.path() + ": " + f.message()).contains(
                "$.Repositories.r1.IdleCount: \"abc\" is not a whole number; not compared with the agents",
                "$.Repositories.r1.WorkingCount: 4294967297 is not a count from 0 to 2147483647; not compared with"
                        + " the agents",
                "$.Repositories.r1.OfflineCount: 1.5 is not a whole number; not compared with the agents");
        assertThat(read.repositories).singleElement().extracting(LegacyRepositorySummary::counts)
                .isEqualTo(java.util.Map.of("ErrorCount", 2));
    }

    @Test
    void givenCustomStatusMap_read_appliesIt() throws Exception {
        Collected read = read(write(legacyFile().agents(3).agentStatuses(4)),
                new LegacyReadOptions(TenantId.DEFAULT, ZoneOffset.UTC,
                        LegacyReadOptions.parseStatusMap("4=ERROR")));

        assertThat(read.agents).extracting(Agent::status).containsOnly(AgentStatus.ERROR);
    }

    @Test
    void givenTruncatedFile_read_reportsLineAndColumn() throws Exception {
        String whole = Files.readString(legacyFile().agents(2).tasks(3).writeTo(directory.resolve("whole.json")));
        Path truncated = write(whole.substring(0, whole.length() / 2));

        Collected read = read(truncated);

        assertThat(read.errors()).hasSize(1);
        assertThat(read.errors().get(0).message()).contains("not valid JSON").contains("line 1, column");
    }

    @Test
    void givenDuplicateKeys_read_isAnErrorNotTheLastOneWinning() throws Exception {
        Collected read = read(write("{\"Agents\":{\"a\":{\"Id\":\"a\",\"Name\":\"x\",\"Name\":\"y\","
                + "\"Type\":\"t\",\"RepositoryPath\":\"/r\",\"Status\":0}}}"));

        assertThat(read.errors()).hasSize(1);
        assertThat(read.errors().get(0).message()).contains("Duplicate").contains("Name");
        assertThat(read.errors().get(0).path()).startsWith("$.Agents.a");
    }

    @Test
    void givenTrailingContent_read_isAnError() throws Exception {
        Collected read = read(write("{\"TaskQueue\":[]} {\"TaskQueue\":[]}"));

        assertThat(read.errors()).extracting(Finding::message).anyMatch(m -> m.contains("after the end"));
    }

    @Test
    void givenNotAnObject_read_isAnError() throws Exception {
        assertThat(read(write("[1,2]")).errors()).extracting(Finding::message)
                .anyMatch(m -> m.contains("must be a JSON object"));
        assertThat(read(write("")).errors()).extracting(Finding::message).anyMatch(m -> m.contains("empty"));
    }

    @Test
    void givenFile_factsAndArchive_identifyAndRenameIt() throws Exception {
        Path path = write(legacyFile().agents(1));

        LegacyDocuments.SourceFacts facts = reader.facts(path);
        Path archived = reader.archive(path, Instant.parse("2026-01-02T03:04:05Z"));

        assertThat(facts.sha256()).hasSize(64);
        assertThat(facts.sizeBytes()).isEqualTo(Files.size(archived));
        assertThat(archived.getFileName().toString()).isEqualTo("orchestrator-state_migrated_20260102_030405.json");
        assertThat(path).doesNotExist();
        assertThat(reader.facts(archived).sha256()).isEqualTo(facts.sha256());
    }
}
