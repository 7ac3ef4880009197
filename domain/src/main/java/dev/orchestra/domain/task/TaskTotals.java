package dev.orchestra.domain.task;

import java.time.Duration;
import java.util.Objects;

/** How many tasks matched a query and the sum of their execution durations (tasks without one add zero). */
public record TaskTotals(long count, Duration totalExecutionTime) {
    public static final TaskTotals NONE = new TaskTotals(0, Duration.ZERO);

    public TaskTotals {
        Objects.requireNonNull(totalExecutionTime, "totalExecutionTime");
    }

    public Duration averageExecutionTime() {
        return count == 0 ? Duration.ZERO : totalExecutionTime.dividedBy(count);
    }
}
