package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.workflow.WorkflowCatalog;
import dev.orchestra.application.workflow.WorkflowRuns;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recovery never runs a workflow twice: executors claiming at the same time never get the same execution,
 * a step recorded under a superseded lease token is refused, and past the maximum attempts the execution
 * fails with the reason instead of being claimed for ever.
 */
class WorkflowRecoveryTest {
    private static final Caller OPS = new Caller(TenantId.DEFAULT, "ops");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path directory;
    private final UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private Store store;
    private WorkflowCatalog catalog;
    private WorkflowRuns runs;

    private void open(String type) {
        store = TestStores.open(type, directory, clock);
        Wiring wiring = Wiring.of(store, TestStores.VALIDATOR, clock, LEASE);
        catalog = WorkflowConfiguration.workflowCatalog(wiring);
        runs = WorkflowConfiguration.workflowRuns(wiring, LEASE, 3);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private String define() {
        return catalog.define(OPS, "wf", new WorkflowDefinition.Content("ci", "1.0.0", List.of(
                new WorkflowStep("build", "shell", "make", List.of()),
                new WorkflowStep("test", "shell", "make test", List.of("build"))), null, null, null, null, null,
                null)).id();
    }

    private void startMany(String definition, int count) {
        for (int i = 0; i < count; i++) {
            runs.start(OPS, new WorkflowRuns.NewExecution(String.format("run-%03d", i), definition, null, null, null,
                    null, null));
            clock.advance(Duration.ofMillis(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenEightExecutorsClaimingAtOnce_noExecutionIsClaimedTwiceAndAllAreClaimed(String type) throws Exception {
        open(type);
        startMany(define(), 200);
        int executors = 8;
        ExecutorService pool = Executors.newFixedThreadPool(executors);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, String> owner = new ConcurrentHashMap<>();
        List<String> twice = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int x = 0; x < executors; x++) {
            String executor = "executor-" + x;
            done.add(pool.submit(() -> {
                go.await();
                while (true) {
                    List<WorkflowExecution> claimed = runs.claimForRecovery(OPS, executor, 7);
                    if (claimed.isEmpty()) {
                        return null;
                    }
                    for (WorkflowExecution e : claimed) {
                        assertThat(e.executorId()).isEqualTo(executor);
                        if (owner.putIfAbsent(e.id(), executor) != null) {
                            twice.add(e.id());
                        }
                    }
                }
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(twice).as("executions claimed by two executors").isEmpty();
        assertThat(owner).hasSize(200);
        assertThat(owner.values()).as("the work was shared").hasSizeGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenASupersededLease_aStepWithItsToken_isRefusedAndTheNewHolderRecords(String type) {
        open(type);
        startMany(define(), 1);
        WorkflowExecution first = runs.claimForRecovery(OPS, "executor-a", 1).get(0);
        runs.recordStep(OPS, "run-000", first.leaseToken(), report("build", StepStatus.COMPLETED));
        assertThat(runs.claimForRecovery(OPS, "executor-b", 1)).as("a live lease is not claimed").isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        WorkflowExecution second = runs.claimForRecovery(OPS, "executor-b", 1).get(0);

        assertThat(second.recoveryAttempts()).isEqualTo(2);
        assertThat(second.leaseToken()).isNotEqualTo(first.leaseToken());
        assertThatThrownBy(() -> runs.recordStep(OPS, "run-000", first.leaseToken(), report("test",
                StepStatus.COMPLETED))).isInstanceOf(Conflict.class).hasMessageContaining("not the current one");
        assertThatThrownBy(() -> runs.recordStep(OPS, "run-000", null, report("test", StepStatus.COMPLETED)))
                .isInstanceOf(Conflict.class);
        assertThat(runs.get(OPS, "run-000").steps()).extracting(s -> s.stepId()).containsExactly("build");
        WorkflowRuns.Recorded recorded = runs.recordStep(OPS, "run-000", second.leaseToken(),
                report("test", StepStatus.COMPLETED));
        assertThat(recorded.execution().leaseExpiresAt()).as("a step renews the lease")
                .isEqualTo(clock.instant().plus(LEASE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAnExecutionClaimedTheMaximumTimes_theNextClaim_failsItWithTheReason(String type) {
        open(type);
        String definition = define();
        startMany(definition, 1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(runs.claimForRecovery(OPS, "executor", 5)).hasSize(1);
            clock.advance(LEASE.plusSeconds(1));
        }

        assertThat(runs.claimForRecovery(OPS, "executor", 5)).isEmpty();

        WorkflowExecution failed = runs.get(OPS, "run-000").execution();
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.errorMessage()).contains("gave up after 3 attempts");
        assertThat(failed.leaseToken()).isNull();
        assertThat(catalog.get(OPS, definition).usage().failed()).isEqualTo(1);
        assertThat(runs.resume(OPS, "run-000").recoveryAttempts()).as("resume starts the count again").isZero();
    }

    private static WorkflowRuns.StepReport report(String step, StepStatus status) {
        return new WorkflowRuns.StepReport(step, 1, status, null, null, null, null, null, null);
    }
}
