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
                // Whole hours from the store's counters; only the two partial hours at the edges count tasks.
                for (TaskCounts.Hourly h : tasks.countByHour(caller.tenant(), firstHour, lastHour)) {
                    tally.add(h.hour().atZone(ZoneOffset.UTC).toLocalDate(), h.status(), h.count());
                    if (h.status() == TaskStatus.COMPLETED) {
                        tally.completed(h.count(), h.totalExecutionTime());
                    }
                }
                tally.count(caller, TaskFields.CREATED_AT.atOrAfter(from).and(TaskFields.CREATED_AT.before(firstHour)));
                tally.count(caller, TaskFields.CREATED_AT.atOrAfter(lastHour).and(TaskFields.CREATED_AT.atOrBefore(to)));
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
            for (TaskCounts.Daily d : tasks.countByDayAndStatus(caller.tenant(), where)) {
                add(d.day(), d.status(), d.count());
            }
            TaskTotals done = tasks.totals(caller.tenant(), where.and(TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
            completed(done.count(), done.totalExecutionTime());
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
