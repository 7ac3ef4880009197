package dev.orchestra.domain.contract;

import static dev.orchestra.domain.testing.TestData.OTHER_TENANT;
import static dev.orchestra.domain.testing.TestData.T0;
import static dev.orchestra.domain.testing.TestData.TENANT;
import static dev.orchestra.domain.testing.TestData.agent;
import static dev.orchestra.domain.testing.TestData.child;
import static dev.orchestra.domain.testing.TestData.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Lease;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.TaskTotals;
import dev.orchestra.domain.testing.Builders;
import dev.orchestra.domain.testing.TestData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every store's {@code Tasks} must have. */
public abstract class TasksContractTest extends StoreContract {

    @Test
    void givenTaskWithEveryField_add_thenItReadsBackEqualAfterReopen() {
        write(() -> store.agents().add(agent("agent-1", "/r")));
        Task task = TestData.completedTask("t-1", "agent-1");

        Task stored = write(() -> store.tasks().add(task));
        reopen();

        assertThat(stored).isEqualTo(task);
        Task read = read(() -> store.tasks().findById(TENANT, "t-1")).orElseThrow();
        assertThat(read).isEqualTo(task);
        assertThat(read.executionDuration()).isEqualTo(java.time.Duration.ofSeconds(60).plusNanos(7));
    }

    @Test
    void givenClaimedTask_update_keepsItsLease() {
        write(() -> store.agents().add(agent("agent-1", "/r")));
        Task stored = write(() -> store.tasks().add(task("t", "/r")));
        Lease lease = new Lease("token-1", T0.plusSeconds(300));

        Task assigned = write(() -> store.tasks().update(stored.assign("agent-1", lease, T0.plusSeconds(1))));

        assertThat(assigned.version()).isEqualTo(1);
        Task read = read(() -> store.tasks().findById(TENANT, "t")).orElseThrow();
        assertThat(read.lease()).isEqualTo(lease);
        assertThat(read.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(read.agentId()).isEqualTo("agent-1");
    }

    @Test
    void givenExistingId_add_isConflict() {
        write(() -> store.tasks().add(task("t", "/r")));

        assertThatThrownBy(() -> write(() -> store.tasks().add(task("t", "/other"))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void givenTasksOfTwoTenants_existingIds_namesOnlyTheTenantsTakenIdsAmongMany() {
        List<Task> stored = new ArrayList<>();
        for (int i = 0; i < 1_200; i += 3) {
            stored.add(task(String.format("t-%04d", i), "/r"));
        }
        writeVoid(() -> {
            store.tasks().addAll(stored);
            store.tasks().add(Task.enqueue(OTHER_TENANT, "other-tenant-only", new Task.NewTask("other-tenant-only",
                    "run", "/r", TaskPriority.NORMAL, null, null, null, null), null, T0));
        });
        // More ids than one SQL statement should carry, in no particular order, with repeats.
        List<String> asked = new ArrayList<>();
        for (int i = 1_199; i >= 0; i--) {
            asked.add(String.format("t-%04d", i));
        }
        asked.add("t-0003");
        asked.add("other-tenant-only");

        Set<String> existing = read(() -> store.tasks().existingIds(TENANT, asked));

        assertThat(existing).containsExactlyInAnyOrderElementsOf(stored.stream().map(Task::id).toList());
        assertThat(read(() -> store.tasks().existingIds(TENANT, List.of("t-0001")))).isEmpty();
        assertThat(read(() -> store.tasks().existingIds(TENANT, List.of("t-0000")))).containsExactly("t-0000");
        assertThat(read(() -> store.tasks().existingIds(TENANT, List.of()))).isEmpty();
        assertThat(read(() -> store.tasks().existingIds(OTHER_TENANT, asked))).containsExactly("other-tenant-only");
    }

    @Test
    void givenMissingParent_add_isNotFound() {
        assertThatThrownBy(() -> write(() -> store.tasks().add(child("c", "no-such-parent", T0))))
                .isInstanceOf(NotFound.class);
        assertThat(read(() -> store.tasks().findById(TENANT, "c"))).isEmpty();
    }

    @Test
    void givenStaleVersion_update_isConflict() {
        Task stored = write(() -> store.tasks().add(task("t", "/r")));
        write(() -> store.tasks().update(stored.cancel(T0.plusSeconds(1))));

        assertThatThrownBy(() -> write(() -> store.tasks().update(stored.cancel(T0.plusSeconds(2)))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void givenBatchWhoseUnitFails_addAll_storesNothing() {
        List<Task> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(task("b-" + i, "/r"));
        }

        assertThatThrownBy(() -> write(() -> {
            store.tasks().addAll(batch);
            throw new IllegalStateException("the use case fails after writing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read(() -> store.tasks().count(TENANT, Specification.all()))).isZero();
    }

    @Test
    void givenBatch_addAll_storesAllInOneUnit() {
        List<Task> batch = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            batch.add(task(String.format("b-%05d", i), "/r"));
        }

        List<Task> stored = write(() -> store.tasks().addAll(batch));

        assertThat(stored).hasSize(1200);
        assertThat(read(() -> store.tasks().count(TENANT, Specification.all()))).isEqualTo(1200);
    }

    @Test
    void givenAContainerWithThreeSteps_nextClaimable_neverTheContainerAndEachStepOnlyAfterTheOnesBefore() {
        Task container = Task.enqueue(TENANT, "box", new Task.NewTask("box", "template T 1.0.0", "/r",
                TaskPriority.CRITICAL, "box", null, null, 0, true), null, T0);
        // Steps created newest-first with rising priority: order must come from workflowStep alone.
        Task third = step("step-3", "box", 3, TaskPriority.HIGH, T0.plusSeconds(1));
        Task second = step("step-2", "box", 2, TaskPriority.NORMAL, T0.plusSeconds(2));
        Task first = step("step-1", "box", 1, TaskPriority.LOW, T0.plusSeconds(3));
        Task plainChild = step("plain-child", "plain-parent", 2, TaskPriority.LOW, T0.plusSeconds(4));
        writeVoid(() -> {
            store.agents().add(agent("agent-1", "/r"));
            store.tasks().add(container);
            store.tasks().addAll(List.of(third, second, first));
            store.tasks().add(task("plain-parent", "/elsewhere"));
            store.tasks().add(plainChild);
        });
        reopen();

        assertThat(read(() -> store.tasks().findById(TENANT, "box")).orElseThrow().container()).isTrue();
        assertThat(read(() -> store.tasks().nextClaimable(TENANT, "/r"))).map(Task::id).contains("step-1");
        write(() -> store.tasks().update(running(read(() -> store.tasks().findById(TENANT, "step-1")).orElseThrow())));
        // step-1 is claimed, not completed: the steps after it still wait; a plain parent's child does not.
        assertThat(read(() -> store.tasks().nextClaimable(TENANT, "/r"))).map(Task::id).contains("plain-child");
        Task running = read(() -> store.tasks().findById(TENANT, "step-1")).orElseThrow();
        write(() -> store.tasks().update(running.complete("ok", T0.plusSeconds(60))));
        assertThat(read(() -> store.tasks().nextClaimable(TENANT, "/r"))).map(Task::id).contains("step-2");
    }

    private static Task step(String id, String parent, int step, TaskPriority priority, java.time.Instant at) {
        return Task.enqueue(TENANT, id, new Task.NewTask(id, "run " + id, "/r", priority, null, parent, null, step),
                null, at);
    }

    private static Task running(Task task) {
        return task.assign("agent-1", new Lease("token", T0.plusSeconds(300)), T0.plusSeconds(10))
                .start(T0.plusSeconds(11));
    }

    @Test
    void givenPendingTasks_nextClaimable_takesHighestPriorityThenOldestThenLowestId() {
        writeVoid(() -> {
            store.tasks().add(task("old-normal", "/r", TaskPriority.NORMAL, T0));
            store.tasks().add(task("new-high", "/r", TaskPriority.HIGH, T0.plusSeconds(10)));
            store.tasks().add(task("b-old-high", "/r", TaskPriority.HIGH, T0.plusSeconds(5)));
            store.tasks().add(task("a-old-high", "/r", TaskPriority.HIGH, T0.plusSeconds(5)));
            store.tasks().add(task("critical-elsewhere", "/elsewhere", TaskPriority.CRITICAL, T0));
        });

        assertThat(read(() -> store.tasks().nextClaimable(TENANT, "/r"))).map(Task::id).contains("a-old-high");
        assertThat(read(() -> store.tasks().nextClaimable(TENANT, null))).map(Task::id)
                .contains("critical-elsewhere");
        assertThat(read(() -> store.tasks().nextClaimable(TENANT, "/nothing-here"))).isEmpty();
        assertThat(read(() -> store.tasks().nextClaimable(OTHER_TENANT, null))).isEmpty();
    }

    @Test
    void givenEightAgentsClaimingConcurrently_everyTaskIsClaimedExactlyOnce() throws Exception {
        int agents = 8;
        int taskCount = 120;
        writeVoid(() -> {
            for (int a = 0; a < agents; a++) {
                store.agents().add(agent("agent-" + a, "/r"));
            }
            List<Task> batch = new ArrayList<>();
            for (int i = 0; i < taskCount; i++) {
                batch.add(task(String.format("t-%04d", i), "/r", TaskPriority.values()[i % 4], T0.plusMillis(i)));
            }
            store.tasks().addAll(batch);
        });
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String agentId = "agent-" + a;
            workers.add(pool.submit(() -> {
                start.await();
                while (true) {
                    Optional<Task> claimed = write(() -> store.tasks().nextClaimable(TENANT, "/r")
                            .map(t -> store.tasks().update(t.assign(agentId,
                                    new Lease(agentId + t.id(), T0.plusSeconds(60)), T0.plusSeconds(1)))));
                    if (claimed.isEmpty()) {
                        return null;
                    }
                    if (claimedBy.putIfAbsent(claimed.get().id(), agentId) != null) {
                        duplicates.add(claimed.get().id());
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(duplicates).isEmpty();
        assertThat(claimedBy).hasSize(taskCount);
        assertThat(read(() -> store.tasks().count(TENANT, TaskFields.STATUS.eq(TaskStatus.ASSIGNED))))
                .isEqualTo(taskCount);
        assertThat(read(() -> store.tasks().activeTaskCounts(TENANT)).values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(taskCount);
    }

    @Test
    void givenAssignedAndRunningTasks_activeTaskCounts_countsPerAgent() {
        writeVoid(() -> {
            store.agents().add(agent("a", "/r"));
            store.agents().add(agent("b", "/r"));
            Lease lease = new Lease("x", T0.plusSeconds(60));
            Task one = store.tasks().add(task("1", "/r"));
            Task two = store.tasks().add(task("2", "/r"));
            Task three = store.tasks().add(task("3", "/r"));
            store.tasks().add(task("4", "/r"));
            store.tasks().update(one.assign("a", lease, T0));
            store.tasks().update(two.assign("a", lease, T0).start(T0));
            store.tasks().update(three.assign("b", lease, T0).start(T0).complete("ok", T0.plusSeconds(1)));
        });

        assertThat(read(() -> store.tasks().activeTaskCounts(TENANT))).isEqualTo(Map.of("a", 2L));
        Long ofA = read(() -> store.tasks().countActive(TENANT, "a"));
        Long ofB = read(() -> store.tasks().countActive(TENANT, "b"));
        Long ofNobody = read(() -> store.tasks().countActive(TENANT, "nobody"));
        Long inOtherTenant = read(() -> store.tasks().countActive(new dev.orchestra.domain.shared.TenantId("other"), "a"));
        assertThat(ofA).isEqualTo(2L);
        assertThat(ofB).as("its only task is completed").isZero();
        assertThat(ofNobody).isZero();
        assertThat(inOtherTenant).isZero();
    }

    @Test
    void givenFinishedTasks_totals_countsAndSumsDurationsOfTheMatchingOnes() {
        writeVoid(() -> {
            store.agents().add(agent("agent-1", "/r"));
            store.tasks().add(TestData.completedTask("done-1", "agent-1"));
            Task second = task("done-2", "/r").assign("agent-1", new Lease("l", T0.plusSeconds(60)), T0)
                    .start(T0.plusSeconds(1)).complete("ok", T0.plusSeconds(31));
            store.tasks().add(second);
            store.tasks().add(task("pending", "/r"));
        });

        TaskTotals completed = read(() -> store.tasks().totals(TENANT, TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
        TaskTotals all = read(() -> store.tasks().totals(TENANT, Specification.all()));
        TaskTotals none = read(() -> store.tasks().totals(TENANT, TaskFields.AGENT_ID.eq("nobody")));

        assertThat(completed.count()).isEqualTo(2);
        assertThat(completed.totalExecutionTime()).isEqualTo(java.time.Duration.ofSeconds(90).plusNanos(7));
        assertThat(all.count()).isEqualTo(3);
        assertThat(all.totalExecutionTime()).isEqualTo(completed.totalExecutionTime());
        assertThat(none).isEqualTo(TaskTotals.NONE);
    }

    /**
     * A run may last up to ~292 years (what a long of nanoseconds holds); a few such runs in one creation hour,
     * one agent or one query sum past that. Legacy files carry such timestamps. Every count keeps the exact sum:
     * a long of nanoseconds wrapped to a negative total, or stopped the query with SQLite's integer overflow.
     */
    @Test
    void givenRunsSummingPastWhatALongOfNanosecondsHolds_everyCount_keepsTheExactTotal() {
        java.time.Instant created = java.time.Instant.parse("1900-01-01T00:10:00Z");
        java.time.Instant hour = java.time.Instant.parse("1900-01-01T00:00:00Z");
        java.time.Duration run = java.time.Duration.ofDays(365L * 200).plusNanos(999_999_999);
        Lease lease = new Lease("l", created.plusSeconds(600));
        List<Task> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(task("long-" + i, "/r", TaskPriority.LOW, created.plusSeconds(i)).assign("a", lease, created)
                    .start(created.plusSeconds(60)));
        }
        writeVoid(() -> {
            store.agents().add(agent("a", "/r"));
            // Two counted in one batch, two moved into COMPLETED by an update.
            store.tasks().addAll(List.of(started.get(0).complete("ok", created.plusSeconds(60).plus(run)),
                    started.get(1).complete("ok", created.plusSeconds(60).plus(run))));
            store.tasks().addAll(started.subList(2, 4));
        });
        writeVoid(() -> {
            for (Task t : started.subList(2, 4)) {
                store.tasks().update(t.complete("ok", created.plusSeconds(60).plus(run)));
            }
        });
        java.time.Duration total = run.multipliedBy(4);
        var expectedHour = List.of(new dev.orchestra.domain.task.TaskCounts.Hourly(hour, TaskStatus.COMPLETED, 4,
                total));

        assertThat(read(() -> store.tasks().countByHour(TENANT, hour, hour.plusSeconds(3600))))
                .as("the counters kept with the writes").isEqualTo(expectedHour);
        assertThat(read(() -> store.tasks().totals(TENANT, Specification.all()))).isEqualTo(new TaskTotals(4, total));
        assertThat(read(() -> store.tasks().countByAgentAndStatus(TENANT, Specification.all()))).containsExactly(
                new dev.orchestra.domain.task.TaskCounts.Grouped("a", TaskStatus.COMPLETED, 4, total));
        assertThat(read(() -> store.tasks().countByRepositoryAndStatus(TENANT, Specification.all()))).containsExactly(
                new dev.orchestra.domain.task.TaskCounts.Grouped(null, TaskStatus.COMPLETED, 4, total));
        writeVoid(() -> store.tasks().rebuildCounts(TENANT));
        assertThat(read(() -> store.tasks().countByHour(TENANT, hour, hour.plusSeconds(3600))))
                .as("the counters counted again").isEqualTo(expectedHour);
    }

    @Test
    void givenTasksOverSeveralDaysAgentsAndStatuses_groupedCounts_matchTheRows() {
        writeVoid(() -> {
            store.agents().add(agent("a", "/r"));
            store.agents().add(agent("b", "/r"));
            Lease lease = new Lease("l", T0.plusSeconds(99));
            store.tasks().add(task("d1-pending", "/r", TaskPriority.LOW, T0));
            store.tasks().add(task("d1-done", "/r", TaskPriority.LOW, T0.plusSeconds(60)).assign("a", lease, T0)
                    .start(T0.plusSeconds(60)).complete("ok", T0.plusSeconds(70)));
            store.tasks().add(task("d2-done", "/r", TaskPriority.LOW, T0.plusSeconds(86_400)).assign("a", lease,
                    T0.plusSeconds(86_400)).start(T0.plusSeconds(86_400)).complete("ok", T0.plusSeconds(86_430)));
            store.tasks().add(task("d2-failed", "/r", TaskPriority.LOW, T0.plusSeconds(86_401)).assign("b", lease,
                    T0.plusSeconds(86_401)).start(T0.plusSeconds(86_401)).fail("no", T0.plusSeconds(86_402)));
            store.tasks().add(task("other-day", "/r", TaskPriority.LOW, T0.minusSeconds(86_400 * 3)));
        });
        Specification<Task> since = TaskFields.CREATED_AT.atOrAfter(T0);

        List<dev.orchestra.domain.task.TaskCounts.Daily> daily = read(() -> store.tasks().countByDayAndStatus(TENANT,
                since));
        List<dev.orchestra.domain.task.TaskCounts.Grouped> byAgent = read(() -> store.tasks()
                .countByAgentAndStatus(TENANT, since));

        java.time.LocalDate day1 = java.time.LocalDate.of(2026, 3, 1);
        assertThat(daily).containsExactly(
                new dev.orchestra.domain.task.TaskCounts.Daily(day1, TaskStatus.PENDING, 1),
                new dev.orchestra.domain.task.TaskCounts.Daily(day1, TaskStatus.COMPLETED, 1),
                new dev.orchestra.domain.task.TaskCounts.Daily(day1.plusDays(1), TaskStatus.COMPLETED, 1),
                new dev.orchestra.domain.task.TaskCounts.Daily(day1.plusDays(1), TaskStatus.FAILED, 1));
        assertThat(byAgent).containsExactly(
                new dev.orchestra.domain.task.TaskCounts.Grouped(null, TaskStatus.PENDING, 1, java.time.Duration.ZERO),
                new dev.orchestra.domain.task.TaskCounts.Grouped("a", TaskStatus.COMPLETED, 2,
                        java.time.Duration.ofSeconds(40)),
                new dev.orchestra.domain.task.TaskCounts.Grouped("b", TaskStatus.FAILED, 1,
                        java.time.Duration.ofSeconds(1)));
        assertThat(read(() -> store.tasks().countByRepositoryAndStatus(TENANT, since))).extracting(
                dev.orchestra.domain.task.TaskCounts.Grouped::key).containsOnlyNulls();
    }

    @Test
    void givenTaskTree_tree_returnsRootAndDescendantsParentsFirst() {
        writeVoid(() -> {
            store.tasks().add(task("root", "/repo"));
            store.tasks().add(child("c2", "root", T0.plusSeconds(2)));
            store.tasks().add(child("c1", "root", T0.plusSeconds(1)));
            store.tasks().add(child("g1", "c2", T0.plusSeconds(3)));
            store.tasks().add(task("unrelated", "/repo"));
        });

        assertThat(read(() -> store.tasks().tree(TENANT, "root"))).extracting(Task::id)
                .containsExactly("root", "c1", "c2", "g1");
        assertThat(read(() -> store.tasks().tree(TENANT, "c2"))).extracting(Task::id).containsExactly("c2", "g1");
    }

    @Test
    void givenRandomTasks_findBySpecificationAndSort_matchesInMemoryEvaluation() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Task> all = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Task t = task(String.format("t-%04d", i), "/repo/" + random.nextInt(3),
                    TaskPriority.values()[random.nextInt(4)], T0.plusSeconds(random.nextInt(50)));
            if (random.nextBoolean()) {
                t = t.cancel(T0.plusSeconds(60));
            }
            all.add(t);
        }
        writeVoid(() -> store.tasks().addAll(all));
        Specification<Task> where = TaskFields.PRIORITY.atOrAfter(TaskPriority.NORMAL)
                .and(TaskFields.CREATED_AT.before(T0.plusSeconds(40)))
                .and(TaskFields.STATUS.eq(TaskStatus.PENDING).or(TaskFields.REPOSITORY_PATH.eq("/repo/1")))
                .and(TaskFields.COMPLETED_AT.isNull().or(TaskFields.COMPLETED_AT.isNotNull()));
        PageRequest<Task> request = new PageRequest<>(1, 10,
                List.of(TaskFields.PRIORITY.desc(), TaskFields.CREATED_AT.asc()));
        List<Task> expected = all.stream().filter(where::isSatisfiedBy)
                .sorted(request.comparator(TaskFields.ID)).toList();

        Page<Task> page = read(() -> store.tasks().find(TENANT, where, request));

        assertThat(page.totalItems()).as("seed %d", seed).isEqualTo(expected.size());
        assertThat(page.items()).as("seed %d", seed).extracting(Task::id)
                .containsExactlyElementsOf(expected.stream().skip(10).limit(10).map(Task::id).toList());
        assertThat(read(() -> store.tasks().count(TENANT, where))).isEqualTo(expected.size());
    }

    @Test
    void givenTasksByCorrelation_find_returnsOnlyThose() {
        writeVoid(() -> {
            store.tasks().add(task("a", "/r"));
            store.tasks().add(task("b", "/r"));
        });

        Page<Task> page = read(() -> store.tasks().find(TENANT, TaskFields.CORRELATION_ID.eq("corr-b"),
                PageRequest.first(10, List.of())));

        assertThat(page.items()).extracting(Task::id).containsExactly("b");
    }

    @Test
    void givenCommandOverTheLimit_add_isRefusedAtTheSchemaDoor() {
        Task valid = task("t", "/r");
        Task tooLong = Builders.aTask("t", "/r").command("x".repeat(2001)).build();

        assertThatThrownBy(() -> write(() -> store.tasks().add(tooLong))).isInstanceOf(ValidationFailed.class);
        assertThat(read(() -> store.tasks().findById(TENANT, valid.id()))).isEmpty();
    }

    @Test
    void givenTimesOutOfOrder_add_isRefusedAtTheSchemaDoor() {
        Task backwards = new Task(TENANT, "t", "cmd", "/r", null, null, TaskPriority.NORMAL, TaskStatus.CANCELLED,
                T0, null, null, T0.minusSeconds(1), null, null, 0, null, null, 0, null, null, null, T0, 0);

        assertThatThrownBy(() -> write(() -> store.tasks().add(backwards))).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void givenStatusFilter_findWithIn_returnsEveryListedStatus() {
        writeVoid(() -> {
            store.tasks().add(task("p", "/r"));
            store.tasks().add(task("c", "/r").cancel(T0.plusSeconds(1)));
        });

        assertThat(read(() -> store.tasks().find(TENANT,
                TaskFields.STATUS.in(List.copyOf(Set.of(TaskStatus.PENDING, TaskStatus.CANCELLED))),
                PageRequest.first(10, List.of(TaskFields.ID.asc())))).items())
                .extracting(Task::id).containsExactly("c", "p");
    }
}
