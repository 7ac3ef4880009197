package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.routing.RoutingStatistics;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.TaskPriority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routing statistics kept as outcomes arrive equal a recount from the decisions, after many random
 * outcomes on either store; and a figure changed behind the store's back shows as drift until recalculated.
 * Seeded: {@code -Drouting.seed=N} repeats a run; a failure names its seed.
 */
class RoutingRecountTest {
    private static final Caller ROUTER = new Caller(TenantId.DEFAULT, "router");
    private static final int OUTCOMES = 10_000;
    private static final List<String> AGENTS = List.of("agent-a", "agent-b", "agent-c", "agent-d", "agent-e",
            "agent-f", "agent-g");

    @TempDir
    Path directory;
    private final UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private Store store;
    private RoutingAudit routing;

    private void open(String type) {
        store = TestStores.open(type, directory, clock);
        routing = RoutingConfiguration.routingAudit(Wiring.of(store, TestStores.VALIDATOR, clock,
                Duration.ofMinutes(5)));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenTenThousandRandomOutcomes_theRunningStatistics_equalARecountAndDriftFindsATamperedRow(String type)
            throws Exception {
        long seed = Long.getLong("routing.seed", 20261130L);
        Random random = new Random(seed);
        open(type);
        Map<String, long[]> expected = new HashMap<>();
        for (int i = 0; i < OUTCOMES; i++) {
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            String other = AGENTS.get((AGENTS.indexOf(agent) + 1) % AGENTS.size());
            String id = "d" + i;
            routing.record(ROUTER, new RoutingAudit.NewDecision(id, "task-" + i, "build", null, agent,
                    TaskPriority.NORMAL, random.nextDouble(), "random", List.of(
                            new RoutingCandidate(agent, 0.9, null), new RoutingCandidate(other, 0.1, "busy")),
                    true, null, 0, Duration.ofMillis(1), null, null));
            // Some decisions never get an outcome; they must count nowhere.
            if (random.nextInt(10) == 0) {
                continue;
            }
            boolean success = random.nextInt(100) < 70 + AGENTS.indexOf(agent) * 4;
            Duration took = Duration.ofNanos(random.nextLong(1, 5_000_000_000L));
            routing.recordOutcome(ROUTER, id, new RoutingAudit.Outcome(success, took, success ? null : "failed"));
            long[] sums = expected.computeIfAbsent(agent, a -> new long[3]);
            sums[0]++;
            sums[1] += success ? 1 : 0;
            sums[2] += took.toNanos();
            clock.advance(Duration.ofMillis(random.nextInt(50)));
        }

        RoutingAudit.DriftReport clean = routing.drift(ROUTER, null);

        assertThat(clean.drifted()).as("drift after %d outcomes, seed %d", OUTCOMES, seed).isEmpty();
        assertThat(clean.agentsChecked()).as("seed %d", seed).isEqualTo(expected.size());
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            RoutingStatistics s = routing.statistics(ROUTER, e.getKey());
            assertThat(new long[] {s.total(), s.successful(), s.totalDuration().toNanos()})
                    .as("%s, seed %d", e.getKey(), seed).containsExactly(e.getValue());
        }
        assertThat(routing.recalculate(ROUTER, null).changed()).as("seed %d", seed).isZero();

        tamper(type, "agent-c");
        open(type);
        RoutingAudit.DriftReport drift = routing.drift(ROUTER, null);

        assertThat(drift.drifted()).as("seed %d", seed).extracting(RoutingAudit.Drift::agentKey)
                .containsExactly("agent-c");
        RoutingAudit.Drift found = drift.drifted().get(0);
        assertThat(found.running().successful()).isEqualTo(found.recalculated().successful() + 1);
        RoutingAudit.Recalculation repaired = routing.recalculate(ROUTER, null);
        assertThat(repaired.changed()).isEqualTo(1);
        assertThat(routing.drift(ROUTER, null).drifted()).isEmpty();
        assertThat(store.unitOfWork().read(() -> store.auditTrail().find(TenantId.DEFAULT,
                AuditFieldsOfEntry.ENTITY_ID.eq("agent-c"), PageRequest.first(10, List.of()))).items())
                .as("the repair is audited").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAnAgentsTotalNearWhatAStoreKeeps_anOutcomeThatWouldPassIt_isRefusedAndChangesNothing(String type) {
        open(type);
        for (String id : List.of("d1", "d2", "d3")) {
            routing.record(ROUTER, new RoutingAudit.NewDecision(id, "task", "build", null, "agent-a",
                    TaskPriority.HIGH, 1.0, null, List.of(), true, null, 0, Duration.ZERO, null, null));
        }
        routing.recordOutcome(ROUTER, "d1", new RoutingAudit.Outcome(true, Duration.ofDays(1), null));
        // Where 3,558 outcomes of 30 days leave the figures; the 3,559th failed in SQLite with "long overflow".
        Duration nearlyFull = dev.orchestra.domain.shared.NonNegativeDuration.LONGEST.minusDays(20);
        store.unitOfWork().write(() -> {
            RoutingStatistics running = store.routingDecisions().statistics(TenantId.DEFAULT, "agent-a").orElseThrow();
            return store.routingDecisions().save(running.withFiguresOf(new RoutingStatistics(TenantId.DEFAULT,
                    "agent-a", 1, 1, 0, nearlyFull, clock.instant(), 0), clock.instant()));
        });

        assertThatThrownBy(() -> routing.recordOutcome(ROUTER, "d2",
                new RoutingAudit.Outcome(true, Duration.ofDays(30), null)))
                .isInstanceOf(dev.orchestra.domain.shared.ValidationFailed.class)
                .hasMessageContaining("duration").hasMessageContaining("agent-a").hasMessageContaining("292 years");

        assertThat(routing.get(ROUTER, "d2").outcome()).as("the outcome is not kept either").isNull();
        assertThat(routing.statistics(ROUTER, "agent-a").totalDuration()).isEqualTo(nearlyFull);
        assertThat(routing.recordOutcome(ROUTER, "d3", new RoutingAudit.Outcome(false, Duration.ofDays(10), "x"))
                .statistics().totalDuration()).isEqualTo(nearlyFull.plusDays(10));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSixteenCallersRecordingTheSameOutcome_exactlyOneIsCountedAndTheOthersAreConflicts(String type)
            throws Exception {
        open(type);
        routing.record(ROUTER, new RoutingAudit.NewDecision("d1", "task-1", "build", null, "agent-a",
                TaskPriority.HIGH, 1.0, null, List.of(), true, null, 0, Duration.ZERO, null, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean success = i % 2 == 0;
            calls.add(pool.submit(() -> {
                start.await();
                try {
                    routing.recordOutcome(ROUTER, "d1", new RoutingAudit.Outcome(success, Duration.ofSeconds(1), null));
                    return true;
                } catch (dev.orchestra.domain.shared.Conflict e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int recorded = 0;
        for (java.util.concurrent.Future<Boolean> call : calls) {
            recorded += call.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(recorded).isEqualTo(1);
        RoutingStatistics s = routing.statistics(ROUTER, "agent-a");
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.successful() == 1).isEqualTo(routing.get(ROUTER, "d1").outcome().success());
    }

    /** Moves one failure of the agent to the successes, with the store closed, as an outside tool would. */
    private void tamper(String type, String agent) throws Exception {
        store.close();
        store = null;
        if (type.equals("sqlite")) {
            Path database = directory.resolve(TestStores.SQLITE_FILE);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
                int changed = c.createStatement().executeUpdate("UPDATE routing_statistics SET successful = "
                        + "successful + 1, failed = failed - 1 WHERE agent_key = '" + agent + "'");
                assertThat(changed).isEqualTo(1);
            }
            return;
        }
        Path file = directory.resolve(TestStores.JSON_FILE);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode document = mapper.readTree(Files.readString(file));
        for (JsonNode row : document.get("Orchestra").get("RoutingStatistics")) {
            if (row.get("AgentKey").asString().equals(agent)) {
                ((ObjectNode) row).put("Successful", row.get("Successful").asLong() + 1);
                ((ObjectNode) row).put("Failed", row.get("Failed").asLong() - 1);
            }
        }
        Files.writeString(file, mapper.writeValueAsString(document));
    }
}
