package dev.orchestra.adapter.sqlite;

import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityRule;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.testing.TestData;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store broken behind its back (foreign keys and CHECKs off, by plain SQL) in every way DOMAIN.md names:
 * the check names each broken row under its rule, and finds nothing in the store before it was broken.
 */
class SqliteIntegrityCheckTest {
    @TempDir
    Path directory;

    private List<Finding> check(SqliteStore store) {
        return store.unitOfWork().read(() -> store.integrity().check(T0.plus(Duration.ofDays(2)), true, 100));
    }

    private static List<String> ids(List<Finding> findings, IntegrityRule rule) {
        return findings.stream().filter(f -> f.rule() == rule).flatMap(f -> f.ids().stream()).sorted().toList();
    }

    @Test
    void givenAStoreBrokenInEveryWay_check_namesEachBrokenRowUnderItsRule() throws Exception {
        Path file = directory.resolve("orchestra.db");
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            WorkflowDefinition definition = TestData.definition("wf-1", "ci", "1.0.0");
            store.unitOfWork().writeVoid(() -> {
                store.repositories().add(TestData.repository("r1", "/repo"));
                store.agents().add(TestData.agent("a1", "/repo"));
                for (String id : List.of("t1", "t2", "c1", "c2", "t3", "t4", "t5")) {
                    store.tasks().add(TestData.task(id, "/repo"));
                }
                store.preferences().add(TestData.preference("p1", new PreferenceScope("alice", "r1", null), "k", "v"));
                store.chatSessions().addSession(TestData.chatSession("s1", "alice"));
                store.chatSessions().updateSession(store.chatSessions().findSession(TENANT, "s1").orElseThrow()
                        .appended(1, T0).appended(1, T0).appended(1, T0));
                for (int n = 1; n <= 3; n++) {
                    store.chatSessions().addMessage(TestData.chatMessage("m" + n, "s1", n, "message " + n));
                }
                store.chatSessions().addToolCall(TestData.toolCall("tc1", "m1", "s1", "read"));
                store.toolExecutions().add(TestData.toolExecution("run-1", "s1", true));
                byte[] bytes = "file".getBytes();
                store.attachments().add(TestData.attachment("at1", "m1", "s1", bytes), bytes);
                store.workflowDefinitions().add(definition);
                store.workflowExecutions().add(TestData.execution("e1", definition, T0));
                store.workflowExecutions().add(TestData.execution("e2", definition, T0));
                store.workflowExecutions().addStep(TestData.step("e1", "build", 1, 1,
                        dev.orchestra.domain.workflow.StepStatus.COMPLETED, T0));
                store.circuitBreakers().add(TestData.openBreaker("a1"));
            });
            List<Finding> before = check(store);
            assertThat(before).as("the unbroken store has no error")
                    .noneMatch(f -> f.severity() == dev.orchestra.domain.integrity.Severity.ERROR);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA ignore_check_constraints = ON");
            s.execute("DROP TRIGGER IF EXISTS tool_executions_decided_once");
            s.execute("UPDATE tasks SET agent_id = 'ghost', status = 'ASSIGNED' WHERE id = 't1'");
            s.execute("UPDATE user_preferences SET repository_id = 'no-repo' WHERE id = 'p1'");
            s.execute("UPDATE tasks SET parent_task_id = 'c2' WHERE id = 'c1'");
            s.execute("UPDATE tasks SET parent_task_id = 'c1' WHERE id = 'c2'");
            s.execute("UPDATE tasks SET status = 'COMPLETED', completed_at = '2020-01-01T00:00:00.000000000Z'"
                    + " WHERE id = 't2'");
            s.execute("UPDATE tasks SET status = 'BOGUS' WHERE id = 't3'");
            s.execute("UPDATE tasks SET progress_percentage = 250 WHERE id = 't4'");
            s.execute("UPDATE repositories SET total_tasks = 3, successful_tasks = 5, failed_tasks = 5 WHERE id = 'r1'");
            s.execute("DELETE FROM chat_messages WHERE id = 'm2'");
            s.execute("UPDATE tool_calls SET message_id = 'gone' WHERE id = 'tc1'");
            s.execute("UPDATE tool_executions SET session_id = 'gone' WHERE id = 'run-1'");
            s.execute("DELETE FROM attachment_contents");
            s.execute("DELETE FROM workflow_executions WHERE id = 'e1'");
            s.execute("UPDATE workflow_executions SET content_hash = '" + "0".repeat(64) + "' WHERE id = 'e2'");
            s.execute("UPDATE tasks SET agent_id = 'a1', status = 'IN_PROGRESS', started_at = '" + T0 + "'"
                    + " WHERE id IN ('t5')");
            s.execute("UPDATE agents SET tasks_completed = 9 WHERE id = 'a1'");
        }
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            List<Finding> found = check(store);

            assertThat(ids(found, IntegrityRule.ENGINE_FOREIGN_KEYS)).isNotEmpty();
            assertThat(ids(found, IntegrityRule.TASK_AGENT_MISSING)).containsExactly("t1");
            assertThat(ids(found, IntegrityRule.PREFERENCE_TARGET_MISSING)).containsExactly("p1");
            assertThat(ids(found, IntegrityRule.TASK_PARENT_CYCLE)).containsExactly("c1", "c2");
            assertThat(found.stream().filter(f -> f.rule() == IntegrityRule.TASK_PARENT_CYCLE)).hasSize(1);
            assertThat(ids(found, IntegrityRule.TIMESTAMPS_OUT_OF_ORDER)).containsExactly("t2");
            assertThat(ids(found, IntegrityRule.VALUE_OUT_OF_RANGE)).containsExactly("t3", "t4");
            assertThat(ids(found, IntegrityRule.REPOSITORY_STATISTICS)).containsExactly("r1");
            assertThat(ids(found, IntegrityRule.CHAT_SEQUENCE)).containsExactly("s1");
            assertThat(ids(found, IntegrityRule.CHAT_ORPHAN)).containsExactly("at1", "run-1", "tc1");
            assertThat(ids(found, IntegrityRule.STEP_ORPHAN)).containsExactly("1", "build", "e1");
            assertThat(ids(found, IntegrityRule.EXECUTION_HASH_UNKNOWN)).containsExactly("e2");
            assertThat(ids(found, IntegrityRule.AGENT_COUNTERS)).containsExactly("a1");
            assertThat(ids(found, IntegrityRule.TASK_RUNNING_LONG)).containsExactly("t5");
            assertThat(ids(found, IntegrityRule.AGENT_STALE)).containsExactly("a1");
            assertThat(ids(found, IntegrityRule.CIRCUIT_PAST_RESET)).containsExactly("a1");
            assertThat(found).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        }
        assertThat(Files.exists(file)).isTrue();
    }

    /** The counters keep a run as whole seconds and the nanoseconds under a second (V18); a drift in either shows. */
    @Test
    void givenACounterWhoseSecondsOrNanosecondsDrift_check_namesItsHourUnderTaskCounters() throws Exception {
        Path file = directory.resolve("orchestra.db");
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            store.unitOfWork().writeVoid(() -> {
                store.agents().add(TestData.agent("a1", "/repo"));
                store.tasks().add(TestData.completedTask("done", "a1"));
            });
            assertThat(ids(check(store), IntegrityRule.TASK_COUNTERS)).isEmpty();
        }
        String hour = T0.toString().substring(0, 13);
        for (String column : List.of("execution_seconds", "execution_nanos")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("UPDATE task_counts SET " + column + " = " + column + " + 1 WHERE status = 'COMPLETED'");
            }
            try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
                assertThat(ids(check(store), IntegrityRule.TASK_COUNTERS)).as(column)
                        .containsExactly(hour + " COMPLETED");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("UPDATE task_counts SET " + column + " = " + column + " - 1 WHERE status = 'COMPLETED'");
            }
        }
    }
}
