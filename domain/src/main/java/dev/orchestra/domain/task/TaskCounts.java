package dev.orchestra.domain.task;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/** Aggregates the store computes over tasks, so that nobody loads rows to count them. */
public final class TaskCounts {
    private TaskCounts() {
    }

    /** How many tasks created on one UTC day are in one status. */
    public record Daily(LocalDate day, TaskStatus status, long count) {
        public Daily {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(status, "status");
        }
    }

    /** How many tasks created in one UTC hour are in one status, and the summed execution time of those. */
    public record Hourly(java.time.Instant hour, TaskStatus status, long count, Duration totalExecutionTime) {
        public Hourly {
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(totalExecutionTime, "totalExecutionTime");
        }
    }

    /**
     * How many tasks of one group (an agent id, a repository id; null for none) are in one status, and
     * the summed execution time of those that have one.
     */
    public record Grouped(String key, TaskStatus status, long count, Duration totalExecutionTime) {
        public Grouped {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(totalExecutionTime, "totalExecutionTime");
        }
    }
}
