package dev.orchestra.application.analytics;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.repository.RepositoryStatistics;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Inbound port: figures over tasks, agents and repositories, computed by the store's aggregates. */
public interface Analytics {

    /** Tasks created on one UTC day, per status. */
    record Day(LocalDate day, Map<TaskStatus, Long> byStatus, long total) {
        public Day {
            byStatus = Map.copyOf(byStatus);
        }
    }

    /**
     * Tasks created in [from, to] (of one agent or repository when given): how many, per status, the
     * average execution time of the completed ones, and the breakdown per day.
     */
    record TaskReport(Instant from, Instant to, String agentId, String repositoryId, long total,
                      Map<TaskStatus, Long> byStatus, Duration averageExecutionTime, List<Day> daily) {
        public TaskReport {
            byStatus = Map.copyOf(byStatus);
            daily = List.copyOf(daily);
        }

        public long completed() {
            return byStatus.getOrDefault(TaskStatus.COMPLETED, 0L);
        }

        public long failed() {
            return byStatus.getOrDefault(TaskStatus.FAILED, 0L);
        }
    }

    /** One agent's work on tasks created in the period. */
    record AgentFigures(String agentId, String name, long completed, long failed, long cancelled, long active,
                        double successRate, Duration averageExecutionTime) {
    }

    /** One repository's lifetime statistics and its tasks per status. */
    record RepositoryFigures(String repositoryId, String name, String path, RepositoryStatistics statistics,
                             Map<TaskStatus, Long> tasksByStatus) {
        public RepositoryFigures {
            tasksByStatus = Map.copyOf(tasksByStatus);
        }
    }

    TaskReport tasks(Caller caller, Duration period, String agentId, String repositoryId);

    /** Every agent (deleted ones excluded), busiest first. */
    List<AgentFigures> agents(Caller caller, Duration period);

    List<RepositoryFigures> repositories(Caller caller);
}
