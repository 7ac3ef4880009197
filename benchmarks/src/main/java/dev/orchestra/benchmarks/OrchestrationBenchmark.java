package dev.orchestra.benchmarks;

import static dev.orchestra.benchmarks.Harness.log;
import static dev.orchestra.benchmarks.Results.fmt;
import static dev.orchestra.benchmarks.Results.ms;

import dev.orchestra.adapter.sqlite.SqliteSettings;
import dev.orchestra.adapter.sqlite.SqliteStore;
import dev.orchestra.application.resilience.Resilience;
import dev.orchestra.application.routing.RoutingAudit;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.workflow.WorkflowRuns;
import dev.orchestra.benchmarks.Harness.Op;
import dev.orchestra.bootstrap.ResilienceConfiguration;
import dev.orchestra.bootstrap.RoutingConfiguration;
import dev.orchestra.bootstrap.WorkflowConfiguration;
import dev.orchestra.bootstrap.Wiring;
import dev.orchestra.domain.routing.RoutingCandidate;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowStep;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The orchestration state measured against raw JDBC on a copy of the same database: recording a workflow
 * step (one caller, and 16 executions at once), a recovery claim of 100 executions out of
 * {@code --executions} stored, a routing decision with its outcome, and a circuit outcome.
 */
final class OrchestrationBenchmark {
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "bench");
    static final String STEP = "workflow step record";
    static final String STEP16 = "workflow step record, 16 concurrent executions (project)";
    static final String CLAIM = "recovery claim of 100 executions";
    static final String ROUTING = "routing decision with its outcome";
    static final String CIRCUIT = "circuit outcome";
    private static final int STEPS = 20;
    /** Executions the step measurements use, besides the ones recovery claims. */
    private static final int STEPPERS = 3_000;

    private final Path directory;
    private final Harness harness;
    private final Results results;
    private final int stored;

    OrchestrationBenchmark(Path directory, Harness harness, Results results, int stored) {
        this.directory = directory;
        this.harness = harness;
        this.results = results;
        this.stored = stored;
    }

    void run() throws Exception {
        Path projectFile = directory.resolve("orchestration.db");
        log("orchestration: %,d workflow executions", stored);
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(projectFile))) {
            List<WorkflowStep> steps = new ArrayList<>();
            for (int s = 1; s <= STEPS; s++) {
                steps.add(new WorkflowStep("s" + s, "shell", "step " + s, s == 1 ? List.of() : List.of("s" + (s - 1))));
            }
            WorkflowConfiguration.workflowCatalog(wiring(store)).define(CALLER, "wf", new WorkflowDefinition.Content(
                    "bench", "1.0.0", steps, null, null, null, null, null, null));
        }
        fill(projectFile);
        Path rawFile = Files.copy(projectFile, directory.resolve("orchestration-raw.db"));
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(projectFile));
             RawOrchestration raw = new RawOrchestration(rawFile)) {
            Wiring wiring = wiring(store);
            WorkflowRuns runs = WorkflowConfiguration.workflowRuns(wiring, Duration.ofMinutes(5), 3);
            RoutingAudit routing = RoutingConfiguration.routingAudit(wiring);
            Resilience resilience = ResilienceConfiguration.resilience(wiring, 5, Duration.ofMinutes(1));

            AtomicInteger projectStep = new AtomicInteger();
            AtomicInteger rawStep = new AtomicInteger();
            compare(STEP, 300, i -> {
                int n = projectStep.getAndIncrement();
                runs.recordStep(CALLER, stepper(n / STEPS), null, report("s" + (n % STEPS + 1)));
            }, i -> {
                int n = rawStep.getAndIncrement();
                raw.recordStep(stepper(n / STEPS), "s" + (n % STEPS + 1), n % STEPS == 0);
            });
            AtomicInteger[] perThread = new AtomicInteger[16];
            for (int t = 0; t < perThread.length; t++) {
                perThread[t] = new AtomicInteger();
            }
            // Each thread runs its own executions, step after step, as 16 executors would.
            // 300 steps a thread: 4,800 units a run, so ramp-up and the last stragglers weigh little.
            Stats concurrent = harness.alternated(() -> harness.concurrent(STEP16, 16, 300, (t, i) -> {
                int n = perThread[t].getAndIncrement();
                runs.recordStep(CALLER, stepper(1000 + t * 100 + n / STEPS), null, report("s" + (n % STEPS + 1)));
            }))[0];
            results.figures.put("step16.project", concurrent.rate());
            results.rows.add(new String[] {STEP16, fmt(concurrent.rate()), "", "", ms(concurrent.p50Millis()),
                    ms(concurrent.p99Millis()), "", "", "", ""});

            compare(CLAIM + " (" + String.format("%,d", stored) + " stored)", 20, i -> {
                if (runs.claimForRecovery(CALLER, "bench-executor", 100).size() != 100) {
                    throw new IllegalStateException("a claim leased fewer than 100 executions");
                }
            }, i -> {
                if (raw.claim("bench-executor", 100) != 100) {
                    throw new IllegalStateException("a raw claim leased fewer than 100 executions");
                }
            });

            AtomicInteger projectDecision = new AtomicInteger();
            AtomicInteger rawDecision = new AtomicInteger();
            compare(ROUTING, 300, i -> {
                int n = projectDecision.getAndIncrement();
                String agent = "agent-" + (n % 50);
                String id = routing.record(CALLER, new RoutingAudit.NewDecision("d-" + n, "task-" + n, "build", null,
                        agent, TaskPriority.NORMAL, 0.9, null, List.of(new RoutingCandidate(agent, 0.9, null),
                        new RoutingCandidate("other-agent", 0.1, "busy")), true, null, 0, Duration.ofMillis(1), null,
                        null)).id();
                routing.recordOutcome(CALLER, id, new RoutingAudit.Outcome(true, Duration.ofSeconds(2), null));
            }, i -> {
                int n = rawDecision.getAndIncrement();
                raw.decisionWithOutcome("d-" + n, "agent-" + (n % 50));
            });

            compare(CIRCUIT, 300, i -> resilience.recordOutcome(CALLER, "agent-" + (i % 50), i % 4 != 3),
                    i -> raw.circuitOutcome("agent-" + (i % 50), i % 4 != 3));
        }
    }

    private void compare(String name, int operations, Op project, Op raw) throws Exception {
        Stats[] medians = harness.alternated(() -> harness.sequential(name, operations, 1, project),
                () -> harness.sequential(name, operations, 1, raw));
        results.figures.put(name + ".project", medians[0].rate());
        results.figures.put(name + ".raw", medians[1].rate());
        results.row(name, medians[0], medians[1]);
    }

    private static WorkflowRuns.StepReport report(String step) {
        return new WorkflowRuns.StepReport(step, 1, StepStatus.COMPLETED, null,
                new dev.orchestra.domain.shared.JsonDocument("{\"ok\":true}"), null, null, null, null);
    }

    private static String stepper(int n) {
        return String.format("stepper-%05d", n);
    }

    private static Wiring wiring(SqliteStore store) {
        return Wiring.of(store, Validation.buildDefaultValidatorFactory().getValidator(), Clock.systemUTC(),
                Duration.ofMinutes(5));
    }

    /** The executions, written in one transaction: {@code stored} PENDING ones, oldest first, then the steppers. */
    private void fill(Path file) throws Exception {
        String hash;
        try (SqliteStore store = SqliteStore.open(SqliteSettings.defaults(file))) {
            hash = store.unitOfWork().read(() -> store.workflowDefinitions().findById(TenantId.DEFAULT, "wf"))
                    .orElseThrow().contentHash();
        }
        Instant start = Instant.now().minus(Duration.ofDays(30));
        try (Connection c = RawJdbc.connect(file, false)) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO workflow_executions (tenant_id, id,"
                    + " definition_id, workflow_name, workflow_version, content_hash, status, context, input,"
                    + " created_at, tags, recovery_attempts, updated_at, version) VALUES ('default', ?, 'wf', 'bench',"
                    + " '1.0.0', ?, 'PENDING', '{}', '{}', ?, '[]', 0, ?, 0)")) {
                for (int i = 0; i < stored + STEPPERS; i++) {
                    String at = Times.format(start.plusMillis(i));
                    insert.setString(1, i < stored ? String.format("run-%07d", i) : stepper(i - stored));
                    insert.setString(2, hash);
                    insert.setString(3, at);
                    insert.setString(4, at);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("COMMIT");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }
}
