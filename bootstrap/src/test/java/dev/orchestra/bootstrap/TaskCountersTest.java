package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.application.analytics.Analytics;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.task.TaskQueue;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Task analytics read the store's hourly counters for whole hours; over a random history (enqueues across
 * six weeks, claims, starts, completions, failures with and without retry, cancels) every report equals a
 * recount of the tasks themselves, for periods that start and end inside an hour.
 */
class TaskCountersTest {
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "tester");
    private static final Instant START = Instant.parse("2026-10-01T00:17:23.456Z");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenARandomHistory_theTaskReportFromCountersEqualsARecount(String type) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(START);
        try (Store store = TestStores.open(type, directory, clock)) {
            Wiring w = Wiring.of(store, TestStores.VALIDATOR, clock, Duration.ofDays(365));
            TaskQueue queue = TaskConfiguration.taskQueue(w);
            Analytics analytics = AnalyticsConfiguration.analytics(w);
            for (int a = 0; a < 10; a++) {
                AgentConfiguration.agentRegistry(w).register(CALLER, new Agent.Registration("a" + a, "A", "t",
                        "/repo", null, Set.of(), 10, null, null, null));
            }
            List<Task> active = new ArrayList<>();
            for (int step = 0; step < 1500; step++) {
                clock.advance(Duration.ofSeconds(random.nextInt(2 * 3600)));
                int roll = random.nextInt(10);
                if (roll < 4 || active.isEmpty()) {
                    queue.enqueue(CALLER, new Task.NewTask(null, "run", "/repo", TaskPriority.NORMAL, null, null,
                            null, null));
                    String agent = "a" + random.nextInt(10);
                    if (active.stream().filter(t -> t.agentId().equals(agent)).count() < 10) {
                        Optional<Task> claimed = queue.claim(CALLER, agent, false);
                        claimed.ifPresent(active::add);
                    }
                } else {
                    Task t = active.remove(random.nextInt(active.size()));
                    String token = t.lease().token();
                    switch (random.nextInt(5)) {
                        case 0 -> queue.cancel(CALLER, t.id());
                        case 1 -> {
                            queue.start(CALLER, t.id(), token);
                            queue.fail(CALLER, t.id(), token, "boom", random.nextBoolean());
                        }
                        default -> {
                            queue.start(CALLER, t.id(), token);
                            clock.advance(Duration.ofMillis(random.nextInt(600_000)));
                            queue.complete(CALLER, t.id(), token, "ok");
                        }
                    }
                }
            }
            assertReportsEqualARecount(analytics, store, clock.instant(), seed);
            // Asked at earlier moments (a clock set back), the hour of `to` holds tasks created after it, and
            // the edges of the period fall on either side of their hour's middle: every way an edge is counted.
            for (Duration back : List.of(Duration.ofMinutes(10), Duration.ofMinutes(50), Duration.ofMinutes(197),
                    Duration.ofHours(49).plusMinutes(31))) {
                UseCasesTest.MovableClock earlier = new UseCasesTest.MovableClock(clock.instant().minus(back));
                Analytics asked = AnalyticsConfiguration.analytics(Wiring.of(store, TestStores.VALIDATOR, earlier,
                        Duration.ofDays(365)));
                assertReportsEqualARecount(asked, store, earlier.instant(), seed);
            }
        }
    }

    private static void assertReportsEqualARecount(Analytics analytics, Store store, Instant now, long seed) {
        for (Duration period : List.of(Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(200),
                Duration.ofMinutes(59), Duration.ofMinutes(155), Duration.ofDays(90))) {
            Analytics.TaskReport report = analytics.tasks(CALLER, period, null, null);
            Recount expected = recount(store, now.minus(period), now);
            String as = "seed " + seed + ", period " + period + " up to " + now;
            assertThat(report.byStatus()).as(as).isEqualTo(expected.byStatus);
            assertThat(report.total()).as(as).isEqualTo(expected.total);
            Map<LocalDate, Map<TaskStatus, Long>> days = new TreeMap<>();
            report.daily().forEach(d -> days.put(d.day(), d.byStatus()));
            assertThat(days).as(as).isEqualTo(expected.days);
            assertThat(report.averageExecutionTime()).as(as).isEqualTo(expected.averageCompleted());
        }
    }

    private record Recount(Map<TaskStatus, Long> byStatus, Map<LocalDate, Map<TaskStatus, Long>> days, long total,
                           long completed, Duration completedTime) {
        Duration averageCompleted() {
            return completed == 0 ? Duration.ZERO : completedTime.dividedBy(completed);
        }
    }

    /** Every task read back and counted here, created in [from, to]. */
    private static Recount recount(Store store, Instant from, Instant to) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        Map<LocalDate, Map<TaskStatus, Long>> days = new TreeMap<>();
        long[] totals = new long[2];
        Duration[] time = {Duration.ZERO};
        store.unitOfWork().read(() -> {
            for (int page = 0; ; page++) {
                List<Task> items = store.tasks().find(TenantId.DEFAULT, Specification.all(),
                        new PageRequest<>(page, 500, List.of(TaskFields.ID.asc()))).items();
                for (Task t : items) {
                    if (t.createdAt().isBefore(from) || t.createdAt().isAfter(to)) {
                        continue;
                    }
                    byStatus.merge(t.status(), 1L, Long::sum);
                    days.computeIfAbsent(t.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                            d -> new EnumMap<>(TaskStatus.class)).merge(t.status(), 1L, Long::sum);
                    totals[0]++;
                    if (t.status() == TaskStatus.COMPLETED) {
                        totals[1]++;
                        time[0] = time[0].plus(t.executionDuration() == null ? Duration.ZERO : t.executionDuration());
                    }
                }
                if (items.size() < 500) {
                    return null;
                }
            }
        });
        return new Recount(byStatus, days, totals[0], totals[1], time[0]);
    }
}
