package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.application.agent.AgentRegistry;
import dev.orchestra.application.audit.AuditQuery;
import dev.orchestra.application.preference.PreferenceSettings;
import dev.orchestra.application.repository.RepositoryCatalog;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.LeaseReaper;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentStatus;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.preference.PreferenceScope;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.preference.ValueType;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The use cases' rules, run against both stores with the production wiring and a clock the test moves. */
class UseCasesTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Caller ALICE = new Caller(TenantId.DEFAULT, "alice");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path directory;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-01T08:00:00.000000001Z"));
    private Store storage;
    private AgentRegistry agents;
    private TaskQueue queue;
    private RepositoryCatalog repositories;
    private PreferenceSettings preferences;
    private LeaseReaper reaper;
    private dev.orchestra.application.resilience.Resilience resilience;
    private AuditQuery auditQuery;

    private void open(String type) {
        storage = TestStores.open(type, directory, clock);
        // The service's own wiring, with a clock the test moves.
        Wiring wiring = Wiring.of(storage, VALIDATOR, clock, LEASE);
        agents = AgentConfiguration.agentRegistry(wiring);
        queue = TaskConfiguration.taskQueue(wiring);
        repositories = RepositoryConfiguration.repositoryCatalog(wiring);
        preferences = PreferenceConfiguration.preferenceSettings(wiring);
        reaper = TaskConfiguration.leaseReaper(wiring);
        resilience = ResilienceConfiguration.resilience(wiring, 5, Duration.ofMinutes(1));
        auditQuery = StoreHealthConfiguration.auditQuery(wiring);
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private Agent register(String id, String path, Integer max) {
        return agents.register(ALICE, new Agent.Registration(id, "Agent " + id, "claude-code", path, null,
                Set.of("git"), max, null, null, null));
    }

    private Task enqueue(String id, String path, TaskPriority priority) {
        return queue.enqueue(ALICE, new Task.NewTask(id, "run " + id, path, priority, null, null, null, null));
    }

    private List<AuditEntry> audit(String entityId) {
        return storage.unitOfWork().read(() -> storage.auditTrail().find(TenantId.DEFAULT,
                AuditFieldsOfEntry.ENTITY_ID.eq(entityId),
                PageRequest.first(100, List.of(AuditFieldsOfEntry.TIMESTAMP.asc())))).items();
    }

    /** What instantiating a template enqueues: a container and its two steps. */
    private void enqueueContainerWithTwoSteps() {
        queue.enqueueBatch(ALICE, List.of(
                new Task.NewTask("box", "template T 1.0.0", "/repo", TaskPriority.HIGH, "box", null, null, 0, true),
                new Task.NewTask("step-1", "npm ci", "/repo", TaskPriority.HIGH, "box", "box", null, 1),
                new Task.NewTask("step-2", "npm test", "/repo", TaskPriority.HIGH, "box", "box", null, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenConcurrentFailures_everyOutcomeIsCountedAndTheCircuitOpensOnceWithOneTransition(String type)
            throws Exception {
        open(type);
        int threads = 16;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    resilience.recordOutcome(ALICE, "agent-x", false);
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        var breaker = resilience.get(ALICE, "agent-x");
        assertThat(breaker.failureCount()).as("%d concurrent failures", threads * each).isEqualTo(threads * each);
        assertThat(breaker.state()).isEqualTo(dev.orchestra.domain.resilience.CircuitState.OPEN);
        assertThat(resilience.transitions(ALICE, "agent-x", PageRequest.first(50, List.of())).totalItems())
                .as("opened once, at the fifth failure; the others were counted while OPEN").isEqualTo(1);
        assertThat(breaker.openedAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAContainerAndItsSteps_agentsClaimTheStepsInOrder_andTheContainerCompletesWithTheLast(String type) {
        open(type);
        register("agent-1", "/repo", null);
        register("agent-2", "/repo", null);
        enqueueContainerWithTwoSteps();

        Task first = queue.claim(ALICE, "agent-1", false).orElseThrow();
        assertThat(first.id()).isEqualTo("step-1");
        assertThat(queue.claim(ALICE, "agent-2", true)).as("step-2 waits for step-1; the container is never claimed")
                .isEmpty();
        queue.start(ALICE, "step-1", first.lease().token());
        queue.complete(ALICE, "step-1", first.lease().token(), "ok");
        assertThat(queue.get(ALICE, "box").status()).isEqualTo(TaskStatus.PENDING);
        Task second = queue.claim(ALICE, "agent-2", false).orElseThrow();
        assertThat(second.id()).isEqualTo("step-2");
        queue.start(ALICE, "step-2", second.lease().token());
        clock.advance(Duration.ofSeconds(5));
        queue.complete(ALICE, "step-2", second.lease().token(), "ok");

        Task box = queue.get(ALICE, "box");
        assertThat(box.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(box.agentId()).isNull();
        assertThat(box.completedAt()).isEqualTo(clock.instant());
        assertThat(audit("box")).extracting(AuditEntry::action).contains(AuditAction.UPDATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAContainerWithAClaimedStep_cancelTheContainer_cancelsEveryUnfinishedStepAndFreesTheAgent(String type) {
        open(type);
        register("agent-1", "/repo", null);
        enqueueContainerWithTwoSteps();
        Task first = queue.claim(ALICE, "agent-1", false).orElseThrow();
        queue.start(ALICE, "step-1", first.lease().token());

        queue.cancel(ALICE, "box");

        assertThat(List.of("box", "step-1", "step-2")).allSatisfy(id ->
                assertThat(queue.get(ALICE, id).status()).as(id).isEqualTo(TaskStatus.CANCELLED));
        assertThat(agents.get(ALICE, "agent-1").status()).isEqualTo(AgentStatus.IDLE);
        assertThatThrownBy(() -> queue.retry(ALICE, "box")).isInstanceOf(InvalidTransition.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAgentWithTwoActiveTasks_completeOneThenCancelTheOther_keepsItBusyOnTheOtherThenFreesIt(String type) {
        open(type);
        register("agent-1", "/repo", 2);
        enqueue("t-1", "/repo", TaskPriority.HIGH);
        clock.advance(Duration.ofSeconds(1));
        enqueue("t-2", "/repo", TaskPriority.NORMAL);
        Task first = queue.claim(ALICE, "agent-1", false).orElseThrow();
        Task second = queue.claim(ALICE, "agent-1", false).orElseThrow();
        assertThat(List.of(first.id(), second.id())).containsExactly("t-1", "t-2");
        queue.start(ALICE, "t-1", first.lease().token());

        queue.complete(ALICE, "t-1", first.lease().token(), "green");

        Agent busy = agents.get(ALICE, "agent-1");
        assertThat(busy.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(busy.currentTaskId()).isEqualTo("t-2");

        queue.cancel(ALICE, "t-2");

        Agent idle = agents.get(ALICE, "agent-1");
        assertThat(idle.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(idle.currentTaskId()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenClaimedTask_complete_updatesAgentAndRepositoryStatisticsAndAuditsEveryChange(String type) {
        open(type);
        CodeRepository repository = repositories.create(ALICE, null, new CodeRepository.Details("demo", "/repo",
                null, null, null, null, null, null, null, null));
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        Task claimed = queue.claim(ALICE, "agent-1", false).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        queue.start(ALICE, "t-1", claimed.lease().token());
        clock.advance(Duration.ofSeconds(42));

        Task done = queue.complete(ALICE, "t-1", claimed.lease().token(), "green");

        assertThat(done.executionDuration()).isEqualTo(Duration.ofSeconds(42));
        Agent agent = agents.get(ALICE, "agent-1");
        assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
        assertThat(agent.currentTaskId()).isNull();
        assertThat(agent.statistics().completed()).isEqualTo(1);
        assertThat(agent.statistics().averageExecutionTime()).isEqualTo(Duration.ofSeconds(42));
        CodeRepository updated = repositories.get(ALICE, repository.id());
        assertThat(updated.statistics().successfulTasks()).isEqualTo(1);
        assertThat(updated.statistics().totalExecutionTime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(audit("t-1")).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.EXECUTE, AuditAction.UPDATE, AuditAction.UPDATE);
        assertThat(audit("t-1").get(3).changedProperties()).contains("status", "completedAt", "result");
        assertThat(audit("t-1").get(3).newValues()).contains("\"status\":\"COMPLETED\"");
        assertThat(audit("agent-1")).extracting(AuditEntry::action).contains(AuditAction.UPDATE);
        assertThat(audit(repository.id())).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenPendingTask_claimWithStart_leavesItInProgressUnderItsLeaseWithOneAuditEntry(String type) {
        open(type);
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);

        Task started = queue.claim(ALICE, "agent-1", false, true).orElseThrow();

        assertThat(started.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(started.agentId()).isEqualTo("agent-1");
        assertThat(started.startedAt()).isNotNull();
        assertThat(queue.get(ALICE, "t-1")).isEqualTo(started);
        assertThat(audit("t-1")).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.EXECUTE);
        assertThat(audit("t-1").get(1).newValues()).contains("\"status\":\"IN_PROGRESS\"");
        Agent agent = agents.get(ALICE, "agent-1");
        assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(agent.currentTaskId()).isEqualTo("t-1");
        // Its lease is the one every later call presents.
        assertThat(queue.complete(ALICE, "t-1", started.lease().token(), "ok").status())
                .isEqualTo(TaskStatus.COMPLETED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenTwoQueuedTasks_completeAndClaimNext_completesOneAndHandsTheAgentTheOther(String type) {
        open(type);
        CodeRepository repository = repositories.create(ALICE, null, new CodeRepository.Details("demo", "/repo",
                null, null, null, null, null, null, null, null));
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        clock.advance(Duration.ofSeconds(1));
        enqueue("t-2", "/repo", TaskPriority.NORMAL);
        Task first = queue.claim(ALICE, "agent-1", false, true).orElseThrow();
        clock.advance(Duration.ofSeconds(42));

        TaskQueue.Handoff handoff = queue.completeAndClaimNext(ALICE, "t-1", first.lease().token(), "green", false,
                true);

        assertThat(handoff.completed().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(handoff.completed().executionDuration()).isEqualTo(Duration.ofSeconds(42));
        Task second = handoff.next().orElseThrow();
        assertThat(second.id()).isEqualTo("t-2");
        assertThat(second.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(second.lease().token()).isNotEqualTo(first.lease().token());
        Agent agent = agents.get(ALICE, "agent-1");
        assertThat(agent.status()).isEqualTo(AgentStatus.BUSY);
        assertThat(agent.currentTaskId()).isEqualTo("t-2");
        assertThat(agent.statistics().completed()).isEqualTo(1);
        assertThat(agent.statistics().averageExecutionTime()).isEqualTo(Duration.ofSeconds(42));
        assertThat(repositories.get(ALICE, repository.id()).statistics().successfulTasks()).isEqualTo(1);
        assertThat(audit("t-1")).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE, AuditAction.EXECUTE, AuditAction.UPDATE);
        assertThat(audit("t-2")).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.EXECUTE);
        // The old lease is spent: the completed task cannot be completed again with it.
        assertThatThrownBy(() -> queue.completeAndClaimNext(ALICE, "t-1", first.lease().token(), "again", false,
                true)).isInstanceOf(Conflict.class);

        TaskQueue.Handoff last = queue.completeAndClaimNext(ALICE, "t-2", second.lease().token(), "green", false,
                true);

        assertThat(last.next()).isEmpty();
        assertThat(agents.get(ALICE, "agent-1").status()).isEqualTo(AgentStatus.IDLE);
        assertThat(agents.get(ALICE, "agent-1").currentTaskId()).isNull();
        assertThat(agents.get(ALICE, "agent-1").statistics().completed()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAgentThatMayTakeNoMoreWork_completeAndClaimNext_completesAndClaimsNothing(String type) {
        open(type);
        register("agent-1", "/repo", 2);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        enqueue("t-2", "/repo", TaskPriority.NORMAL);
        enqueue("t-3", "/repo", TaskPriority.NORMAL);
        Task first = queue.claim(ALICE, "agent-1", false, true).orElseThrow();
        Task second = queue.claim(ALICE, "agent-1", false, true).orElseThrow();
        agents.heartbeat(ALICE, "agent-1", AgentStatus.ERROR);

        TaskQueue.Handoff handoff = queue.completeAndClaimNext(ALICE, first.id(), first.lease().token(), "ok",
                false, true);

        assertThat(handoff.completed().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(handoff.next()).as("an agent in ERROR takes no new work").isEmpty();
        assertThat(queue.get(ALICE, "t-3").status()).isEqualTo(TaskStatus.PENDING);
        Agent agent = agents.get(ALICE, "agent-1");
        assertThat(agent.currentTaskId()).as("it still holds its other task").isEqualTo(second.id());
        assertThat(agent.statistics().completed()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenCompletionThatFailsValidation_nothingOfTheUnitIsKept(String type) {
        open(type);
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        String lease = queue.claim(ALICE, "agent-1", false).orElseThrow().lease().token();
        queue.start(ALICE, "t-1", lease);
        int auditBefore = audit("t-1").size();

        assertThatThrownBy(() -> queue.complete(ALICE, "t-1", lease, "x".repeat(Task.MAX_RESULT + 1)))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("result");

        assertThat(queue.get(ALICE, "t-1").status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(agents.get(ALICE, "agent-1").statistics().completed()).isZero();
        assertThat(agents.get(ALICE, "agent-1").status()).isEqualTo(AgentStatus.BUSY);
        assertThat(audit("t-1")).hasSize(auditBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAgentAtCapacityOrOffline_claim_isConflictAndTakesNothing(String type) {
        open(type);
        register("agent-1", "/repo", 1);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        enqueue("t-2", "/repo", TaskPriority.NORMAL);
        queue.claim(ALICE, "agent-1", false).orElseThrow();

        assertThatThrownBy(() -> queue.claim(ALICE, "agent-1", false)).isInstanceOf(Conflict.class)
                .hasMessageContaining("1 of at most 1");
        register("agent-2", "/repo", 1);
        agents.heartbeat(ALICE, "agent-2", AgentStatus.OFFLINE);
        assertThatThrownBy(() -> queue.claim(ALICE, "agent-2", false)).isInstanceOf(Conflict.class)
                .hasMessageContaining("OFFLINE");
        assertThat(queue.get(ALICE, "t-2").status()).isEqualTo(TaskStatus.PENDING);
        assertThatThrownBy(() -> queue.claim(ALICE, "ghost", false)).isInstanceOf(NotFound.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSeveralIdleAgents_bestAvailable_prefersThePathThenTheFastestThenTheLeastUsed(String type) {
        open(type);
        register("elsewhere-fast", "/other", null);
        register("on-path-slow", "/repo", null);
        register("on-path-new", "/repo", null);
        register("busy", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        queue.claim(ALICE, "busy", false).orElseThrow();
        // on-path-slow has finished one task that took a minute.
        enqueue("t-2", "/repo", TaskPriority.NORMAL);
        String lease = queue.claim(ALICE, "on-path-slow", false).orElseThrow().lease().token();
        queue.start(ALICE, "t-2", lease);
        clock.advance(Duration.ofMinutes(1));
        queue.complete(ALICE, "t-2", lease, null);

        assertThat(agents.available(ALICE, "/repo")).extracting(Agent::id)
                .containsExactly("on-path-new", "on-path-slow", "elsewhere-fast");
        assertThat(agents.bestAvailable(ALICE, "/other")).map(Agent::id).contains("elsewhere-fast");
        assertThat(agents.load(ALICE).get(0).agentId()).isEqualTo("busy");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenTaskFailingWithRetry_itIsPendingAgainAndTheAgentIsIdleWithOneFailure(String type) {
        open(type);
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.HIGH);
        String lease = queue.claim(ALICE, "agent-1", false).orElseThrow().lease().token();
        queue.start(ALICE, "t-1", lease);

        Task retried = queue.fail(ALICE, "t-1", lease, "compile error", true);

        assertThat(retried.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(retried.retryCount()).isEqualTo(1);
        assertThat(retried.errorMessage()).isEqualTo("compile error");
        Agent agent = agents.get(ALICE, "agent-1");
        assertThat(agent.statistics().failed()).isEqualTo(1);
        assertThat(agent.status()).isEqualTo(AgentStatus.IDLE);
        assertThatThrownBy(() -> queue.complete(ALICE, "t-1", lease, null)).isInstanceOf(Conflict.class);
        assertThat(queue.claim(ALICE, "agent-1", false)).map(Task::id).contains("t-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenBatches_tooLargeOrWithAMissingParent_areRefusedWholeNamingTheTask(String type) {
        open(type);
        List<Task.NewTask> tooMany = new ArrayList<>();
        for (int i = 0; i <= TaskQueue.MAX_BATCH; i++) {
            tooMany.add(new Task.NewTask(null, "c", "/r", null, null, null, null, null));
        }
        assertThatThrownBy(() -> queue.enqueueBatch(ALICE, tooMany)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("10000");

        List<Task.NewTask> tree = List.of(
                new Task.NewTask("root", "c", "/r", null, "corr", null, null, null),
                new Task.NewTask("child", "c", "/r", null, "corr", "root", null, null),
                new Task.NewTask("orphan", "c", "/r", null, "corr", "missing", null, null));
        assertThatThrownBy(() -> queue.enqueueBatch(ALICE, tree)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("tasks[2].parentTaskId");
        assertThat(storage.unitOfWork().read(() -> storage.tasks().count(TenantId.DEFAULT,
                Specification.all()))).isZero();

        // Every problem of a batch is told at once, in the order of its tasks: constraints and duplicate ids alike.
        List<Task.NewTask> mixed = List.of(
                new Task.NewTask("same", "c", "/r", null, null, null, null, null),
                new Task.NewTask("bad", " ", "/r", null, null, null, null, null),
                new Task.NewTask("same", "c", "/r\n2", null, null, null, null, null));
        assertThatThrownBy(() -> queue.enqueueBatch(ALICE, mixed)).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("tasks[1].command",
                        "tasks[2].repositoryPath", "tasks[2].id"));
        assertThat(storage.unitOfWork().read(() -> storage.tasks().count(TenantId.DEFAULT,
                Specification.all()))).isZero();

        queue.enqueueBatch(ALICE, tree.subList(0, 2));
        assertThat(queue.tree(ALICE, "root")).extracting(Task::id).containsExactly("root", "child");
        assertThat(queue.list(ALICE, new TaskQueue.TaskQuery(Set.of(), null, null, null, "corr", null, null, null,
                null, null), PageRequest.first(10, List.of())).totalItems()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAgents_staleAndDeleteBehaveAsDocumented(String type) {
        open(type);
        register("old", "/repo", null);
        clock.advance(Duration.ofMinutes(10));
        register("fresh", "/repo", null);

        assertThat(agents.stale(ALICE, Duration.ofMinutes(5))).extracting(Agent::id).containsExactly("old");

        agents.delete(ALICE, "old", 0L);
        assertThatThrownBy(() -> agents.get(ALICE, "old")).isInstanceOf(NotFound.class);
        assertThat(audit("old")).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE,
                AuditAction.DELETE);
        assertThatThrownBy(() -> register("old", "/repo", null)).isInstanceOf(Conflict.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenWorkBeforeAndInsideThePeriod_statistics_countOnlyThePeriodButKeepTheLifetime(String type) {
        open(type);
        register("agent-1", "/repo", null);
        runTask("old", Duration.ofSeconds(100), true);
        clock.advance(Duration.ofDays(40));
        runTask("recent-ok", Duration.ofSeconds(10), true);
        runTask("recent-ko", Duration.ofSeconds(5), false);

        var statistics = agents.statistics(ALICE, "agent-1", Duration.ofDays(30));

        assertThat(statistics.completed()).isEqualTo(1);
        assertThat(statistics.failed()).isEqualTo(1);
        assertThat(statistics.successRate()).isEqualTo(0.5);
        assertThat(statistics.averageExecutionTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(statistics.lifetime().completed()).isEqualTo(2);
        assertThat(statistics.lifetime().failed()).isEqualTo(1);
        assertThatThrownBy(() -> agents.statistics(ALICE, "agent-1", Duration.ZERO))
                .isInstanceOf(ValidationFailed.class);
    }

    private void runTask(String id, Duration takes, boolean succeeds) {
        enqueue(id, "/repo", TaskPriority.NORMAL);
        String lease = queue.claim(ALICE, "agent-1", false).orElseThrow().lease().token();
        queue.start(ALICE, id, lease);
        clock.advance(takes);
        if (succeeds) {
            queue.complete(ALICE, id, lease, null);
        } else {
            queue.fail(ALICE, id, lease, "no", false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenLeaseRunOut_theReaper_requeuesTheTaskAndTheOldAgentsCompleteIsRefused(String type) {
        open(type);
        register("lost", "/repo", null);
        register("other", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        String oldLease = queue.claim(ALICE, "lost", false).orElseThrow().lease().token();
        queue.start(ALICE, "t-1", oldLease);
        clock.advance(LEASE.plusSeconds(1));

        assertThatThrownBy(() -> queue.complete(ALICE, "t-1", oldLease, "late")).isInstanceOf(Conflict.class)
                .hasMessageContaining("expired");
        agents.heartbeat(ALICE, "other", null);
        LeaseReaper.Sweep sweep = reaper.sweep();

        assertThat(sweep.requeued()).isEqualTo(1);
        assertThat(sweep.agentsOffline()).isEqualTo(1);
        Task requeued = queue.get(ALICE, "t-1");
        assertThat(requeued.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(requeued.retryCount()).isEqualTo(1);
        assertThat(agents.get(ALICE, "lost").status()).isEqualTo(AgentStatus.OFFLINE);
        assertThat(audit("t-1")).anyMatch(e -> e.userId().equals("lease-reaper")
                && e.newValues().contains("expired at"));
        String newLease = queue.claim(ALICE, "other", false).orElseThrow().lease().token();
        assertThatThrownBy(() -> queue.start(ALICE, "t-1", oldLease)).isInstanceOf(Conflict.class);
        assertThat(queue.start(ALICE, "t-1", newLease).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenHeartbeatingAgent_itsLeasesAreRenewedAndTheReaperLeavesItsWork(String type) {
        open(type);
        register("alive", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        Task claimed = queue.claim(ALICE, "alive", false).orElseThrow();
        clock.advance(LEASE.minusSeconds(30));
        agents.heartbeat(ALICE, "alive", null);
        clock.advance(LEASE.minusSeconds(30));

        LeaseReaper.Sweep sweep = reaper.sweep();

        assertThat(sweep).isEqualTo(new LeaseReaper.Sweep(0, 0, 0));
        Task still = queue.get(ALICE, "t-1");
        assertThat(still.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(still.lease().token()).isEqualTo(claimed.lease().token());
        assertThat(still.lease().expiresAt()).isAfter(claimed.lease().expiresAt());
        assertThat(queue.start(ALICE, "t-1", claimed.lease().token()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void givenNothingExpired_aSweep_leavesTheJsonDocumentUntouched() throws Exception {
        open("json");
        register("alive", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        queue.claim(ALICE, "alive", false).orElseThrow();
        java.nio.file.Path document = directory.resolve(TestStores.JSON_FILE);
        java.nio.file.attribute.FileTime before = java.nio.file.Files.getLastModifiedTime(document);
        byte[] content = java.nio.file.Files.readAllBytes(document);
        Thread.sleep(20);

        assertThat(reaper.sweep()).isEqualTo(new LeaseReaper.Sweep(0, 0, 0));

        assertThat(java.nio.file.Files.readAllBytes(document)).isEqualTo(content);
        assertThat(java.nio.file.Files.getLastModifiedTime(document)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenAssignedTaskOfAStaleAgent_theReaper_unassignsItWithoutCountingARetry(String type) {
        open(type);
        register("lost", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        queue.claim(ALICE, "lost", false).orElseThrow();
        clock.advance(LEASE.multipliedBy(2));

        reaper.sweep();

        Task pending = queue.get(ALICE, "t-1");
        assertThat(pending.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(pending.retryCount()).isZero();
        assertThat(pending.agentId()).isNull();
        assertThat(reaper.sweep()).isEqualTo(new LeaseReaper.Sweep(0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenATaskClaimedStartedAndCompleted_itsAuditEntries_nameTheLeaseButNeverHoldItsToken(String type) {
        open(type);
        register("agent-1", "/repo", null);
        enqueue("t-1", "/repo", TaskPriority.NORMAL);
        Task claimed = queue.claim(ALICE, "agent-1", false).orElseThrow();
        String token = claimed.lease().token();
        queue.start(ALICE, "t-1", token);
        queue.complete(ALICE, "t-1", token, "ok");

        List<AuditEntry> entries = audit("t-1");
        assertThat(entries).hasSize(4);
        // Operators read the audit; the token would let them act as the agent on its task.
        assertThat(entries).allSatisfy(entry -> {
            assertThat(String.valueOf(entry.oldValues())).as("old values").doesNotContain(token);
            assertThat(entry.newValues()).as("new values").doesNotContain(token);
        });
        // The claim's entry (the clock stands still, so found by what it holds) still says a lease was given.
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.changedProperties()).contains("lease.token");
            assertThat(entry.newValues()).contains("\"lease.token\":\"******\"");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenASensitivePreferenceSetTwice_itsAuditEntries_nameTheChangeButNeverHoldTheValue(String type) {
        open(type);
        PreferenceScope alice = PreferenceScope.user("alice");
        UserPreference first = preferences.upsert(ALICE, "api.token", alice, null,
                new UserPreference.Setting("sk-first", ValueType.STRING, null, null, null, true));
        preferences.upsert(ALICE, "api.token", alice, first.version(),
                new UserPreference.Setting("sk-second", ValueType.STRING, null, null, null, true));
        preferences.upsert(ALICE, "ui.font", alice, null,
                new UserPreference.Setting("mono", ValueType.STRING, null, null, null, null));

        List<AuditEntry> entries = audit("alice/api.token");
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(String.valueOf(entry.oldValues())).as("old values").doesNotContain("sk-");
            assertThat(entry.newValues()).as("new values").doesNotContain("sk-").contains("\"value\":\"******\"");
        });
        assertThat(entries).anySatisfy(entry -> assertThat(entry.changedProperties()).containsExactly("value"));
        assertThat(audit("alice/ui.font")).singleElement()
                .satisfies(entry -> assertThat(entry.newValues()).contains("\"value\":\"mono\""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenEntriesRecordedBeforeSecretsWereMasked_theAuditQuery_masksThemAndLeavesThemAsStored(String type) {
        open(type);
        preferences.upsert(ALICE, "api.token", PreferenceScope.user("alice"), null,
                new UserPreference.Setting("sk-now", ValueType.STRING, null, null, null, true));
        preferences.upsert(ALICE, "db.password", PreferenceScope.user("team/ops"), null,
                new UserPreference.Setting("pw-team", ValueType.STRING, null, null, null, true));
        preferences.upsert(ALICE, "ssh/deploy", PreferenceScope.user("alice"), null,
                new UserPreference.Setting("key-deploy", ValueType.STRING, null, null, null, true));
        // As an older version recorded them: in clear; a slash may be in the user id or in the key.
        storage.unitOfWork().writeVoid(() -> {
            oldEntry("1", Task.ENTITY, "t-old", "{\"lease.token\":null}", "{\"lease.token\":\"tok-old\"}");
            oldEntry("2", UserPreference.ENTITY, "alice/api.token", "{\"value\":\"sk-was\"}", "{\"value\":\"sk-now\"}");
            oldEntry("3", UserPreference.ENTITY, "bob/db.url", null, "{\"value\":\"pw-bob\",\"sensitive\":true}");
            oldEntry("4", UserPreference.ENTITY, "alice/ui.font", "{\"value\":\"serif\"}", "{\"value\":\"mono\"}");
            oldEntry("5", UserPreference.ENTITY, "team/ops/db.password", null, "{\"value\":\"pw-team\"}");
            oldEntry("6", UserPreference.ENTITY, "alice/ssh/deploy", null, "{\"value\":\"key-deploy\"}");
        });

        String shown = auditQuery.entries(ALICE, new AuditQuery.Filter(null, null, null, null, null),
                PageRequest.first(100, List.of())).items().toString();
        assertThat(shown).doesNotContain("tok-old", "sk-was", "sk-now", "pw-bob", "pw-team", "key-deploy")
                .contains("serif", "mono");
        assertThat(audit("t-old")).singleElement()
                .satisfies(entry -> assertThat(entry.newValues()).contains("tok-old"));
    }

    private void oldEntry(String id, String entityType, String entityId, String oldValues, String newValues) {
        storage.auditTrail().append(new AuditEntry(TenantId.DEFAULT, "old-" + id, entityType, entityId,
                dev.orchestra.domain.audit.AuditAction.UPDATE, oldValues, newValues, List.of("value"), "alice", null,
                clock.instant(), true, null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenPreferences_defaultsEffectiveValuesAndReadOnly(String type) {
        open(type);
        assertThat(preferences.createDefaults(ALICE)).isTrue();
        assertThat(preferences.createDefaults(ALICE)).isFalse();
        assertThatThrownBy(() -> preferences.upsert(ALICE, "ui.theme", new PreferenceScope("alice", "repo-1", null),
                null, new UserPreference.Setting("light", ValueType.STRING, null, null, true, null)))
                .isInstanceOf(dev.orchestra.domain.shared.ValidationFailed.class).hasMessageContaining("repositoryId");
        repositories.create(ALICE, "repo-1", new CodeRepository.Details("demo", "/repo", null, null, null, null, null,
                null, null, null));
        preferences.upsert(ALICE, "ui.theme", new PreferenceScope("alice", "repo-1", null), null,
                new UserPreference.Setting("light", ValueType.STRING, null, null, true, null));

        assertThat(preferences.effective(ALICE, "ui.theme", new PreferenceScope("alice", "repo-1", "agent-9")))
                .map(UserPreference::value).contains("light");
        assertThat(preferences.effective(ALICE, "ui.theme", PreferenceScope.user("bob")))
                .map(UserPreference::value).contains("dark");
        assertThatThrownBy(() -> preferences.upsert(ALICE, "ui.theme", new PreferenceScope("alice", "repo-1", null), 0L,
                new UserPreference.Setting("neon", ValueType.STRING, null, null, null, null)))
                .isInstanceOf(InvalidTransition.class).hasMessageContaining("read-only");
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
