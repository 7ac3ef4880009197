package dev.orchestra.application.analytics;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.Periods;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.agent.AgentFields;
import dev.orchestra.domain.agent.Agents;
import dev.orchestra.domain.repository.CodeRepositories;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.repository.RepositoryFields;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Pages;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskCounts;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import dev.orchestra.domain.task.TaskTotals;
import dev.orchestra.domain.task.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Figures from the store's GROUP BY queries; no task row is loaded to be counted. */
public final class AnalyticsService implements Analytics {
    private final UnitOfWork unitOfWork;
    private final Tasks tasks;
    private final Agents agents;
    private final CodeRepositories repositories;
    private final Clock clock;

    public AnalyticsService(UnitOfWork unitOfWork, Tasks tasks, Agents agents, CodeRepositories repositories,
                            Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.agents = agents;
        this.repositories = repositories;
        this.clock = clock;
    }

    @Override
    public TaskReport tasks(Caller caller, Duration period, String agentId, String repositoryId) {
        Instant to = clock.instant();
        Instant from = Periods.before(to, "period", period);
        Specification<Task> where = TaskFields.CREATED_AT.atOrAfter(from).and(TaskFields.CREATED_AT.atOrBefore(to));
        if (agentId != null && !agentId.isBlank()) {
            where = where.and(TaskFields.AGENT_ID.eq(agentId));
        }
        if (repositoryId != null && !repositoryId.isBlank()) {
            where = where.and(TaskFields.REPOSITORY_ID.eq(repositoryId));
        }
        Specification<Task> inPeriod = where;
        boolean wholeTenant = (agentId == null || agentId.isBlank()) && (repositoryId == null || repositoryId.isBlank());
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from
                : from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant lastHour = to.truncatedTo(ChronoUnit.HOURS);
        return unitOfWork.read(() -> {
            Tally tally = new Tally();
            if (wholeTenant && firstHour.isBefore(lastHour)) {
                // Whole hours from the store's counters. The first hour, when partial, is counted from its tasks
                // on the shorter side of `from`: inside the period, or outside it and taken from the hour's
                // counter. The last hour is always its counter less the tasks created after `to`: none unless a
                // clock went back, so a busy current hour costs its counter rows, not its tasks.
                Instant head = from.truncatedTo(ChronoUnit.HOURS);
                boolean headWhole = head.isBefore(from)
                        && Duration.between(head, from).compareTo(Duration.between(from, firstHour)) < 0;
                Instant tailEnd = lastHour.plus(Duration.ofHours(1));
                for (TaskCounts.Hourly h : tasks.countByHour(caller.tenant(), headWhole ? head : firstHour,
                        tailEnd)) {
                    tally.add(h.hour().atZone(ZoneOffset.UTC).toLocalDate(), h.status(), h.count());
                    if (h.status() == TaskStatus.COMPLETED) {
                        tally.completed(h.count(), h.totalExecutionTime());
                    }
                }
                var created = TaskFields.CREATED_AT;
                if (headWhole) {
                    tally.subtract(caller, created.atOrAfter(head).and(created.before(from)));
                } else {
                    tally.count(caller, created.atOrAfter(from).and(created.before(firstHour)));
                }
                tally.subtract(caller, created.after(to).and(created.before(tailEnd)));
                tally.dropEmpty();
            } else {
                tally.count(caller, inPeriod);
            }
            List<Day> daily = new ArrayList<>();
            tally.days.forEach((day, counts) -> daily.add(new Day(day, counts,
                    counts.values().stream().mapToLong(Long::longValue).sum())));
            return new TaskReport(from, to, agentId, repositoryId, tally.total, tally.byStatus,
                    tally.completedCount == 0 ? Duration.ZERO : tally.completedTime.dividedBy(tally.completedCount),
                    daily);
        });
    }

    /** The counts of a task report as they are gathered: per day and status, and the completed tasks' time. */
    private final class Tally {
        final Map<LocalDate, Map<TaskStatus, Long>> days = new TreeMap<>();
        final Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        long total;
        long completedCount;
        Duration completedTime = Duration.ZERO;

        void add(LocalDate day, TaskStatus status, long count) {
            days.computeIfAbsent(day, d -> new EnumMap<>(TaskStatus.class)).merge(status, count, Long::sum);
            byStatus.merge(status, count, Long::sum);
            total += count;
        }

        void completed(long count, Duration time) {
            completedCount += count;
            completedTime = completedTime.plus(time);
        }

        /** The tasks {@code where} selects, counted by the store's GROUP BY. */
        void count(Caller caller, Specification<Task> where) {
            tally(caller, where, 1);
        }

        /** Takes back the tasks {@code where} selects: counted in a whole hour's counter, but outside the period. */
        void subtract(Caller caller, Specification<Task> where) {
            tally(caller, where, -1);
        }

        private void tally(Caller caller, Specification<Task> where, int sign) {
            for (TaskCounts.Daily d : tasks.countByDayAndStatus(caller.tenant(), where)) {
                add(d.day(), d.status(), sign * d.count());
            }
            TaskTotals done = tasks.totals(caller.tenant(), where.and(TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
            completed(sign * done.count(), done.totalExecutionTime().multipliedBy(sign));
        }

        /** A status (or a day) that subtraction brought to zero is absent, as a recount would leave it. */
        void dropEmpty() {
            byStatus.values().removeIf(count -> count == 0);
            days.values().forEach(counts -> counts.values().removeIf(count -> count == 0));
            days.values().removeIf(Map::isEmpty);
        }
    }

    @Override
    public List<AgentFigures> agents(Caller caller, Duration period) {
        Instant from = Periods.before(clock.instant(), "period", period);
        return unitOfWork.read(() -> {
            Map<String, Map<TaskStatus, TaskCounts.Grouped>> byAgent = new HashMap<>();
            for (TaskCounts.Grouped g : tasks.countByAgentAndStatus(caller.tenant(),
                    TaskFields.CREATED_AT.atOrAfter(from).and(TaskFields.AGENT_ID.isNotNull()))) {
                byAgent.computeIfAbsent(g.key(), k -> new EnumMap<>(TaskStatus.class)).put(g.status(), g);
            }
            Map<String, Long> active = tasks.activeTaskCounts(caller.tenant());
            List<AgentFigures> figures = new ArrayList<>();
            Pages.each(List.of(AgentFields.ID.asc()), (where, page) -> agents.find(caller.tenant(), where, page),
                    (Agent agent) -> {
                Map<TaskStatus, TaskCounts.Grouped> counts = byAgent.getOrDefault(agent.id(), Map.of());
                long completed = count(counts, TaskStatus.COMPLETED);
                long failed = count(counts, TaskStatus.FAILED);
                TaskCounts.Grouped done = counts.get(TaskStatus.COMPLETED);
                figures.add(new AgentFigures(agent.id(), agent.name(), completed, failed,
                        count(counts, TaskStatus.CANCELLED), active.getOrDefault(agent.id(), 0L),
                        completed + failed == 0 ? 0.0 : (double) completed / (completed + failed),
                        done == null ? Duration.ZERO : done.totalExecutionTime().dividedBy(done.count())));
            });
            figures.sort(Comparator.comparingLong((AgentFigures f) -> f.completed() + f.failed()).reversed()
                    .thenComparing(AgentFigures::agentId));
            return figures;
        });
    }

    @Override
    public List<RepositoryFigures> repositories(Caller caller) {
        return unitOfWork.read(() -> {
            Map<String, Map<TaskStatus, Long>> byRepository = new HashMap<>();
            for (TaskCounts.Grouped g : tasks.countByRepositoryAndStatus(caller.tenant(),
                    TaskFields.REPOSITORY_ID.isNotNull())) {
                byRepository.computeIfAbsent(g.key(), k -> new EnumMap<>(TaskStatus.class)).put(g.status(), g.count());
            }
            List<RepositoryFigures> figures = new ArrayList<>();
            Pages.each(List.of(RepositoryFields.ID.asc()),
                    (where, page) -> repositories.find(caller.tenant(), where, page),
                    (CodeRepository r) -> figures.add(new RepositoryFigures(r.id(), r.name(), r.path(),
                            r.statistics(), byRepository.getOrDefault(r.id(), Map.of()))));
            return figures;
        });
    }

    private static long count(Map<TaskStatus, TaskCounts.Grouped> counts, TaskStatus status) {
        TaskCounts.Grouped g = counts.get(status);
        return g == null ? 0 : g.count();
    }
}
