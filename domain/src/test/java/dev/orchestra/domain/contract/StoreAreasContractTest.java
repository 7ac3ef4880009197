package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.chat.MessageAttachment;
import dev.orchestra.domain.migration.LegacyImport;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.store.Area;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.testing.Builders;
import dev.orchestra.domain.testing.Records;
import dev.orchestra.domain.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's areas ({@code Store.areas()}) and what the whole-store jobs rely on: one row in any one
 * area makes the store non-empty and lists its tenant, and each area gives back exactly what it took.
 * An area without a sample row here, or one the store's maintenance forgets, fails this suite.
 */
public abstract class StoreAreasContractTest extends StoreContract {
    /** One row per area, of another tenant than the default (stores start empty there); reused by stores' tests. */
    public static final Map<String, Record> SAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("repositories", Builders.aRepository("repo-1", "/repo").tenantId(OTHER_TENANT).build()),
            Map.entry("agents", Builders.anAgent("agent-1", "/repo").tenantId(OTHER_TENANT).build()),
            Map.entry("tasks", Builders.aTask("task-1", "/repo").tenantId(OTHER_TENANT).build()),
            Map.entry("preferences", Builders.aPreference("p1", PreferenceScope.user("alice"), "ui.theme", "light")
                    .tenantId(OTHER_TENANT).build()),
            Map.entry("auditEntries", new AuditEntry(OTHER_TENANT, "e1", "Task", "task-1", AuditAction.UPDATE, "{}",
                    "{\"a\":1}", List.of("a"), "alice", null, T0, true, null, 1)),
            Map.entry("templates", Builders.aTemplate("tpl-1").tenantId(OTHER_TENANT).build()),
            Map.entry("orchestrationLogs", new dev.orchestra.domain.observability.OrchestrationLog(OTHER_TENANT, "log-1",
                    dev.orchestra.domain.observability.LogLevel.WARN, "router", "agent-1 answered slowly",
                    new dev.orchestra.domain.shared.JsonDocument("{\"ms\":1200}"), T0)),
            Map.entry("performanceMetrics", new dev.orchestra.domain.observability.PerformanceMetric(OTHER_TENANT,
                    "m-1", dev.orchestra.domain.observability.MetricEntity.AGENT, "agent-1", "task.duration", 1.5,
                    "s", dev.orchestra.domain.observability.MetricPeriod.HOURLY, T0, T0.plusSeconds(3600), 3, 0.5,
                    2.5, 0.8164965809277263)),
            Map.entry("apiKeys", dev.orchestra.domain.access.ApiKey.issue(OTHER_TENANT, "key-1",
                    dev.orchestra.domain.access.ApiKeyRole.AGENT, "ci runner", "agent-1", "e".repeat(64), T0)),
            Map.entry("clientSessions", dev.orchestra.domain.observability.ClientSession.open(OTHER_TENANT, "cs-1",
                    "ui-7", new dev.orchestra.domain.shared.JsonDocument("{\"tab\":\"tasks\"}"), T0)),
            Map.entry("legacyImports", new LegacyImport(OTHER_TENANT, "i1", "orchestrator-state.json", 10,
                    "d".repeat(64), 1, 2, 3, 0, T0, Duration.ofSeconds(2), "alice")),
            Map.entry("circuitBreakers", Records.with(TestData.openBreaker("agent-1"), "tenantId", OTHER_TENANT)),
            Map.entry("circuitTransitions", Records.with(TestData.transition("ct-1", "agent-1", T0), "tenantId",
                    OTHER_TENANT)),
            Map.entry("routingDecisions", Records.with(TestData.decision("rd-1", "agent-1", T0)
                    .withOutcome(TestData.outcome(false, 1200, T0.plusSeconds(2))), "tenantId", OTHER_TENANT)),
            Map.entry("routingStatistics", new RoutingStatistics(OTHER_TENANT, "agent-1", 3, 2, 1,
                    Duration.ofMillis(4500), T0, 3)),
            Map.entry("workflowDefinitions", Records.with(TestData.definition("wf-1", "ci", "1.2.0").counted(3, 1, 1),
                    "tenantId", OTHER_TENANT)),
            Map.entry("workflowExecutions", Records.with(TestData.execution("run-1",
                    TestData.definition("wf-1", "ci", "1.2.0"), T0).leasedTo("exec-1", "token-1",
                    Duration.ofMinutes(5), T0), "tenantId", OTHER_TENANT)),
            Map.entry("chatSessions", Records.with(TestData.chatSession("s1", "alice"), "tenantId", OTHER_TENANT)),
            Map.entry("chatMessages", Records.with(TestData.chatMessage("m1", "s1", 1, "hello"), "tenantId",
                    OTHER_TENANT)),
            Map.entry("toolCalls", Records.with(TestData.toolCall("tc-1", "m1", "s1", "read_file"), "tenantId",
                    OTHER_TENANT)),
            Map.entry("toolExecutions", Records.with(TestData.toolExecution("run-1", "s1", true), "tenantId",
                    OTHER_TENANT)),
            Map.entry("attachments", new MessageAttachment.WithContent(Records.with(TestData.attachment("a1", "m1",
                    "s1", "hello, file".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "tenantId", OTHER_TENANT),
                    "hello, file".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Map.entry("workflowSteps", Records.with(TestData.step("run-1", "build", 1, 1, StepStatus.COMPLETED, T0),
                    "tenantId", OTHER_TENANT))));

    static Stream<String> areaNames() {
        return SAMPLES.keySet().stream();
    }

    @SuppressWarnings("unchecked")
    private <T> void addSample(Area<T> area) {
        Record sample = SAMPLES.get(area.name());
        assertThat(sample).as("a sample row for area '%s' in StoreAreasContractTest", area.name()).isNotNull();
        writeVoid(() -> area.addAll(List.of((T) sample)));
    }

    private Area<?> area(String name) {
        return store.areas().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the store has no area '" + name + "'"));
    }

    @Test
    void givenTheStore_itsAreas_areTheOnesThisSuiteHasASampleFor() {
        assertThat(store.areas()).extracting(Area::name).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("areaNames")
    void givenOneRowInOneArea_theStore_isNotEmptyListsTheTenantAndGivesTheRowBack(String name) {
        Area<?> area = area(name);
        assertThat(read(() -> store.maintenance().isEmpty())).isTrue();

        addSample(area);
        reopen();

        Area<?> reopened = area(name);
        assertThat(read(() -> store.maintenance().isEmpty())).as("empty after a row in " + name).isFalse();
        assertThat(read(() -> store.maintenance().tenants())).as("tenants after a row in " + name)
                .contains(OTHER_TENANT);
        assertThat(read(() -> reopened.count(OTHER_TENANT))).isEqualTo(1);
        List<Object> rows = new ArrayList<>();
        read(() -> {
            reopened.each(OTHER_TENANT, rows::add);
            return null;
        });
        assertThat(rows).containsExactly(SAMPLES.get(name));
        assertThat(read(() -> hasSample(reopened))).isTrue();
    }

    @SuppressWarnings("unchecked")
    private <T> boolean hasSample(Area<T> area) {
        return area.has(OTHER_TENANT, (T) SAMPLES.get(area.name()));
    }
}
