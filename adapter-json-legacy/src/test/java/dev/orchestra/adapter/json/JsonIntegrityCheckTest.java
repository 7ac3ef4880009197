package dev.orchestra.adapter.json;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityRule;
import dev.orchestra.domain.integrity.Severity;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.testing.Records;
import dev.orchestra.domain.testing.TestData;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON store's rows broken behind the ports (written straight into its state, as a hand-edited document
 * would load): the check names each broken row under the same rules as the SQLite store's.
 */
class JsonIntegrityCheckTest {
    @TempDir
    Path directory;

    private static List<Finding> check(JsonStore store) {
        return store.unitOfWork().read(() -> store.integrity().check(T0.plus(Duration.ofDays(2)), false, 100));
    }

    private static List<String> ids(List<Finding> findings, IntegrityRule rule) {
        return findings.stream().filter(f -> f.rule() == rule).flatMap(f -> f.ids().stream()).sorted().toList();
    }

    @Test
    void givenRowsBrokenBehindThePorts_check_namesEachUnderItsRule() throws Exception {
        try (JsonStore store = JsonStore.open(directory.resolve("orchestrator-state.json"), JsonTestStore.VALIDATOR,
                Clock.systemUTC())) {
            WorkflowDefinition definition = TestData.definition("wf-1", "ci", "1.0.0");
            byte[] bytes = "file".getBytes();
            store.unitOfWork().writeVoid(() -> {
                store.repositories().add(TestData.repository("r1", "/repo"));
                store.agents().add(TestData.agent("a1", "/repo"));
                store.tasks().add(TestData.task("c1", "/repo"));
                store.tasks().add(TestData.task("c2", "/repo"));
                store.preferences().add(TestData.preference("p1", new PreferenceScope("alice", "r1", null), "k", "v"));
                store.chatSessions().addSession(TestData.chatSession("s1", "alice"));
                store.chatSessions().updateSession(store.chatSessions().findSession(TENANT, "s1").orElseThrow()
                        .appended(1, T0).appended(1, T0).appended(1, T0));
                for (int n = 1; n <= 3; n++) {
                    store.chatSessions().addMessage(TestData.chatMessage("m" + n, "s1", n, "message " + n));
                }
                store.attachments().add(TestData.attachment("at1", "m1", "s1", bytes), bytes);
                store.workflowDefinitions().add(definition);
                store.workflowExecutions().add(TestData.execution("e1", definition, T0));
                store.circuitBreakers().add(TestData.openBreaker("a1"));
            });
            assertThat(check(store)).as("the unbroken store has no error").noneMatch(f -> f.severity() == Severity.ERROR);

            JsonUnitOfWork unitOfWork = (JsonUnitOfWork) store.unitOfWork();
            unitOfWork.writeVoid(() -> {
                JsonState.TenantData d = unitOfWork.state().mutable(TENANT);
                d.tasks.put("t1", Records.with(TestData.completedTask("t1", "a1"), "agentId", "ghost"));
                d.preferences.put("p1", Records.with(d.preferences.get("p1"), "scope",
                        new PreferenceScope("alice", "no-repo", null)));
                d.tasks.put("c1", Records.with(d.tasks.get("c1"), "parentTaskId", "c2"));
                d.tasks.put("c2", Records.with(d.tasks.get("c2"), "parentTaskId", "c1"));
                CodeRepository r1 = d.repositories.get("r1");
                d.repositories.put("r1", Records.with(r1, "statistics", new RepositoryStatistics(3, 5, 5,
                        Duration.ZERO, null)));
                d.chatMessages.remove(JsonChatSessions.key(TestData.chatMessage("m2", "s1", 2, "message 2")));
                d.toolCalls.put("tc1", TestData.toolCall("tc1", "gone", "s1", "read"));
                d.toolExecutions.put("run-1", TestData.toolExecution("run-1", "gone", false));
                d.workflowSteps.put("e9#build#1", TestData.step("e9", "build", 1, 1,
                        dev.orchestra.domain.workflow.StepStatus.COMPLETED, T0));
                d.workflowExecutions.put("e2", Records.with(TestData.execution("e2", definition, T0), "contentHash",
                        "0".repeat(64)));
            });
            Files.delete(store.attachmentsPath().resolve(dev.orchestra.domain.shared.Digests.sha256(bytes)));

            List<Finding> found = check(store);

            assertThat(ids(found, IntegrityRule.TASK_AGENT_MISSING)).containsExactly("t1");
            assertThat(ids(found, IntegrityRule.PREFERENCE_TARGET_MISSING)).containsExactly("p1");
            assertThat(ids(found, IntegrityRule.TASK_PARENT_CYCLE)).containsExactly("c1", "c2");
            assertThat(ids(found, IntegrityRule.REPOSITORY_STATISTICS)).containsExactly("r1");
            assertThat(ids(found, IntegrityRule.CHAT_SEQUENCE)).containsExactly("s1");
            assertThat(ids(found, IntegrityRule.CHAT_ORPHAN)).containsExactly("at1", "run-1", "tc1");
            assertThat(ids(found, IntegrityRule.STEP_ORPHAN)).containsExactly("1", "build", "e9");
            assertThat(ids(found, IntegrityRule.EXECUTION_HASH_UNKNOWN)).containsExactly("e2");
            assertThat(ids(found, IntegrityRule.AGENT_COUNTERS)).containsExactly("a1");
            assertThat(ids(found, IntegrityRule.AGENT_STALE)).containsExactly("a1");
            assertThat(ids(found, IntegrityRule.CIRCUIT_PAST_RESET)).containsExactly("a1");
        }
    }
}
