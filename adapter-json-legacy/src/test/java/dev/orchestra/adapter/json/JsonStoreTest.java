package dev.orchestra.adapter.json;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.repository;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonStoreTest {
    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("orchestrator-state.json");
    }

    private JsonStore open() {
        return JsonStore.open(file(), JsonTestStore.VALIDATOR, Clock.systemUTC());
    }

    @Test
    void givenAWriteUnitThatChangesNothing_neitherTheDocumentNorTheJournal_isWritten() throws Exception {
        try (JsonStore store = open()) {
            store.unitOfWork().write(() -> store.agents().add(agent("a", "/r")));
            byte[] document = Files.readAllBytes(file());
            long journal = Files.size(store.journalPath());

            store.unitOfWork().write(() -> store.tasks().nextClaimable(TENANT, "/r"));
            store.unitOfWork().write(() -> store.agents().findById(TENANT, "a"));

            assertThat(Files.readAllBytes(file())).isEqualTo(document);
            assertThat(Files.size(store.journalPath())).isEqualTo(journal);
            store.unitOfWork().write(() -> store.agents().add(agent("b", "/r")));
            assertThat(Files.size(store.journalPath())).as("a change is appended to the journal")
                    .isGreaterThan(journal);
            assertThat(Files.readAllBytes(file())).as("and does not rewrite the document").isEqualTo(document);
        }
    }

    @Test
    void givenAStoreHoldingManyTasks_oneEnqueue_appendsOneRecordHoldingOnlyThatTask() throws Exception {
        try (JsonStore store = open()) {
            store.unitOfWork().writeVoid(() -> {
                for (int i = 0; i < 2_000; i++) {
                    store.tasks().add(task("t-" + i, "/r"));
                }
            });
            List<String> before = Files.readAllLines(store.journalPath());

            store.unitOfWork().write(() -> store.tasks().add(task("t-new", "/r")));

            List<String> after = Files.readAllLines(store.journalPath());
            assertThat(after).hasSize(before.size() + 1).startsWith(before.toArray(String[]::new));
            String record = after.get(after.size() - 1);
            assertThat(record).contains("\"t-new\"").doesNotContain("\"t-1\"");
            assertThat(record.length()).as("one task's record, whatever the store holds").isLessThan(2_000);
        }
    }

    @Test
    void givenOpenStore_secondOpenOfTheSameFile_isRefusedWithAClearMessage() {
        try (JsonStore first = open()) {
            first.unitOfWork().write(() -> first.agents().add(agent("a", "/r")));

            assertThatThrownBy(this::open).isInstanceOf(StoreFailure.class)
                    .hasMessageContaining("already open in another process")
                    .hasMessageContaining(".lock");
            assertThat(first.unitOfWork().read(() -> first.agents().findById(TENANT, "a"))).isPresent();
        }
        try (JsonStore again = open()) {
            assertThat(again.unitOfWork().read(() -> again.agents().findById(TENANT, "a"))).isPresent();
        }
    }

    @Test
    void givenAgentsTasksAndRepositories_theFile_keepsTheLegacyShapeTheOldProgramReads() throws Exception {
        Agent withExtras = agent("DemoRepo_4c1f", "C:\\Sources\\DemoRepo", AgentStatus.BUSY, T0);
        Agent legacy = new Agent(withExtras.tenantId(), withExtras.id(), withExtras.name(), withExtras.type(),
                withExtras.repositoryPath(), null, withExtras.status(), withExtras.lastPing(), null, null,
                withExtras.capabilities(), null, new JsonDocument("{\"LastActiveTime\":\"2025-09-01T14:51:03Z\"}"),
                1, withExtras.healthCheckInterval(), withExtras.statistics(), withExtras.audit(), null, null, 0);
        try (JsonStore store = open()) {
            store.unitOfWork().writeVoid(() -> {
                store.repositories().add(repository("r1", "C:\\Sources\\DemoRepo"));
                store.agents().add(legacy);
                Task pending = store.tasks().add(task("t-1", "C:\\Sources\\DemoRepo"));
                Task other = store.tasks().add(task("t-2", "C:\\Sources\\DemoRepo"));
                store.tasks().update(other.assign("DemoRepo_4c1f", new Lease("l", T0.plusSeconds(60)), T0));
            });
        }

        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file()));

        JsonNode agent = root.get("Agents").get("DemoRepo_4c1f");
        assertThat(agent.get("Status").isInt()).isTrue();
        assertThat(agent.get("Status").asInt()).isEqualTo(1);
        assertThat(agent.get("LastPing").asString()).isEqualTo("2026-03-01T10:15:30.123456789Z");
        assertThat(agent.get("LastActiveTime").asString()).isEqualTo("2025-09-01T14:51:03Z");
        assertThat(agent.get("TasksCompleted").asLong()).isEqualTo(3);
        JsonNode queue = root.get("TaskQueue");
        assertThat(queue.get(0).get("Id").asString()).isEqualTo("t-1");
        assertThat(queue.get(0).get("AgentId").asString()).isEmpty();
        assertThat(queue.get(0).get("Priority").asInt()).isEqualTo(1);
        assertThat(queue.get(1).get("Status").asInt()).isEqualTo(1);
        assertThat(queue.get(1).get("AgentId").asString()).isEqualTo("DemoRepo_4c1f");
        JsonNode repository = root.get("Repositories").get("repo r1");
        assertThat(repository.get("Path").asString()).isEqualTo("C:\\Sources\\DemoRepo");
        assertThat(repository.get("WorkingCount").asInt()).isEqualTo(1);
        assertThat(repository.get("Agents").get(0).get("Id").asString()).isEqualTo("DemoRepo_4c1f");
        assertThat(root.has("LastUpdate")).isTrue();
    }

    @Test
    void givenWriteRefusedAtTheSchemaDoor_theFile_isByteForByteUnchanged() throws Exception {
        try (JsonStore store = open()) {
            store.unitOfWork().write(() -> store.agents().add(agent("a", "/r")));
            byte[] before = Files.readAllBytes(file());
            byte[] journal = Files.readAllBytes(store.journalPath());
            Task invalid = dev.orchestra.domain.testing.Builders.aTask("t", "/r").command("x".repeat(2001)).build();

            assertThatThrownBy(() -> store.unitOfWork().writeVoid(() -> {
                store.agents().add(agent("b", "/r"));
                store.tasks().add(invalid);
            })).isInstanceOf(ValidationFailed.class).hasMessageContaining("command");

            assertThat(Files.readAllBytes(file())).isEqualTo(before);
            assertThat(Files.readAllBytes(store.journalPath())).isEqualTo(journal);
            assertThat(store.unitOfWork().read(() -> store.agents().findById(TENANT, "b"))).isEmpty();
        }
    }

    @Test
    void givenFileWithByteOrderMarkAndCamelCaseNames_open_readsIt() throws Exception {
        String legacy = "\uFEFF{\"agents\":{\"a1\":{\"name\":\"Agent\",\"type\":\"claude-code\","
                + "\"repositoryPath\":\"/Users/me/demo\",\"status\":\"Working\","
                + "\"lastPing\":\"2025-09-01T14:51:03.3894871+04:00\",\"LastActiveTime\":\"2025-09-01T14:51:03Z\"}},"
                + "\"TaskQueue\":[],\"LastUpdated\":\"2025-09-27T01:54:54.9932885+04:00\",\"Repositories\":{}}";
        Files.write(file(), legacy.getBytes(StandardCharsets.UTF_8));

        try (JsonStore store = open()) {
            Agent agent = store.unitOfWork().read(() -> store.agents().findById(TENANT, "a1")).orElseThrow();

            assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
            assertThat(agent.lastPing()).isEqualTo(java.time.Instant.parse("2025-09-01T10:51:03.3894871Z"));
            assertThat(agent.legacyAttributes().json()).contains("LastActiveTime");
        }
    }

    @Test
    void givenTruncatedFile_open_failsNamingLineAndColumnAndLeavesTheFile() throws Exception {
        String broken = "{\n  \"Agents\": {\n    \"a\": {\"Id\": \"a\"";
        Files.writeString(file(), broken);

        assertThatThrownBy(this::open).isInstanceOf(StoreFailure.class)
                .hasMessageContaining("line 3").hasMessageContaining("column");
        assertThat(Files.readString(file())).isEqualTo(broken);
    }

    @Test
    void givenDuplicateKeys_open_refusesInsteadOfKeepingTheLastOne() throws Exception {
        Files.writeString(file(), "{\"Agents\":{},\"Agents\":{}}");

        assertThatThrownBy(this::open).isInstanceOf(StoreFailure.class).hasMessageContaining("Agents");
    }

    @Test
    void givenEnumNumbersNoTableHolds_open_refusesSayingWhichValue() throws Exception {
        String huge = "{\"Agents\":{},\"TaskQueue\":[{\"Id\":\"t\",\"Command\":\"c\",\"RepositoryPath\":\"/r\","
                + "\"CreatedAt\":\"2025-01-01T00:00:00Z\",\"Priority\":99999999999999999999,\"Status\":0}],"
                + "\"Repositories\":{}}";
        Files.writeString(file(), huge);

        // It said 'For input string: "99999999999999999999"', Integer.parseInt's words.
        assertThatThrownBy(this::open).isInstanceOf(StoreFailure.class)
                .hasMessageEndingWith("TaskPriority 99999999999999999999 is outside 0..3");
        assertThat(Files.readString(file())).isEqualTo(huge);
    }

    /**
     * The store's own sections, edited by hand: a value of the wrong kind is refused naming its field, the file
     * untouched. Jackson's conversions made 1.5 a 1, and refused the rest with words that carried no place in
     * the file, on which the open failed with a NullPointerException. Numbers and booleans written as text
     * still read, as they do in legacy files.
     */
    @Test
    void givenOwnSectionValuesOfTheWrongKind_open_refusesNamingTheFieldAndLeavesTheFileAlone() throws Exception {
        try (JsonStore store = open()) {
            store.unitOfWork().writeVoid(() -> store.preferences().add(dev.orchestra.domain.testing.TestData
                    .preference("p1", new dev.orchestra.domain.preference.PreferenceScope("alice", null, null), "k",
                            "v")));
        }
        String document = Files.readString(file());
        Map<String, String> refused = Map.of(
                "\"Version\":\"abc\"", "Version: \"abc\" is not a whole number",
                "\"Version\":99999999999999999999", "Version: 99999999999999999999 is not a whole number",
                "\"Version\":1.5", "Version: 1.5 is not a whole number",
                "\"Version\":[]", "Version: [] is not a whole number",
                "\"ReadOnly\":\"yes\"", "ReadOnly: \"yes\" is not true or false",
                "\"ReadOnly\":2", "ReadOnly: 2 is not true or false",
                "\"Key\":{}", "Key: {} is not text");
        for (Map.Entry<String, String> c : refused.entrySet()) {
            String edited = edit(document, c.getKey());
            Files.writeString(file(), edited);

            assertThatThrownBy(this::open).as(c.getKey()).isInstanceOf(StoreFailure.class)
                    .hasMessageEndingWith("holds data this store cannot read: " + c.getValue());
            assertThat(Files.readString(file())).isEqualTo(edited);
        }
        for (String kept : List.of("\"Version\":\"0\"", "\"ReadOnly\":\"false\"", "\"Key\":5")) {
            Files.writeString(file(), edit(document, kept));
            try (JsonStore store = open()) {
                long count = store.unitOfWork().read(() -> store.preferences().count(TENANT));
                assertThat(count).as(kept).isEqualTo(1);
            }
        }
    }

    /** The document with the first "Name": value of the field {@code replacement} names replaced by it. */
    private static String edit(String document, String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        String edited = document.replaceFirst(java.util.regex.Pattern.quote(field)
                + "\\s*:\\s*(\"[^\"]*\"|[^,}\\]]+)", java.util.regex.Matcher.quoteReplacement(replacement));
        assertThat(edited).as(replacement).isNotEqualTo(document);
        return edited;
    }
}
