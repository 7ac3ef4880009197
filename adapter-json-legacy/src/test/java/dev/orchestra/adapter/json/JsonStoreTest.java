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
    void givenAWriteUnitThatChangesNothing_theDocument_isNotRewritten() throws Exception {
        try (JsonStore store = open()) {
            store.unitOfWork().write(() -> store.agents().add(agent("a", "/r")));
            java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(file());
            Object inode = java.nio.file.Files.readAttributes(file(),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            Thread.sleep(50);

            store.unitOfWork().write(() -> store.tasks().nextClaimable(TENANT, "/r"));
            store.unitOfWork().write(() -> store.agents().findById(TENANT, "a"));

            assertThat(java.nio.file.Files.getLastModifiedTime(file())).isEqualTo(written);
            assertThat(java.nio.file.Files.readAttributes(file(),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
            store.unitOfWork().write(() -> store.agents().add(agent("b", "/r")));
            assertThat(java.nio.file.Files.readAttributes(file(),
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey()).as("a change replaces the file")
                    .isNotEqualTo(inode);
        }
    }

    @Test
    void givenAWriteUnitOfOneTenant_anotherTenantsData_isSharedNotCopied() {
        try (JsonStore store = open()) {
            store.unitOfWork().write(() -> store.agents().add(dev.orchestra.domain.testing.TestData.inTenant(agent("x", "/r"),
                    dev.orchestra.domain.testing.TestData.OTHER_TENANT)));
            JsonUnitOfWork units = (JsonUnitOfWork) store.unitOfWork();
            JsonState before = units.read(units::state);

            store.unitOfWork().write(() -> store.agents().add(agent("a", "/r")));

            JsonState after = units.read(units::state);
            assertThat(after.of(dev.orchestra.domain.testing.TestData.OTHER_TENANT))
                    .isSameAs(before.of(dev.orchestra.domain.testing.TestData.OTHER_TENANT));
            assertThat(after.of(TENANT)).isNotSameAs(before.of(TENANT));
            assertThat(before.of(TENANT).agents).doesNotContainKey("a");
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
            Task tooLong = task("t", "/r");
            Task invalid = new Task(TENANT, "t", "x".repeat(2001), "/r", null, null, tooLong.priority(),
                    tooLong.status(), T0, null, null, null, null, null, 0, null, null, 0, null, null, null, T0, 0);

            assertThatThrownBy(() -> store.unitOfWork().writeVoid(() -> {
                store.agents().add(agent("b", "/r"));
                store.tasks().add(invalid);
            })).isInstanceOf(ValidationFailed.class).hasMessageContaining("command");

            assertThat(Files.readAllBytes(file())).isEqualTo(before);
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
}
