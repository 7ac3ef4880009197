package dev.orchestra.domain.repository;

import dev.orchestra.domain.shared.NonNegativeDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Counters of the tasks run in a repository; the average is derived. */
public record RepositoryStatistics(
        @PositiveOrZero long totalTasks,
        @PositiveOrZero long successfulTasks,
        @PositiveOrZero long failedTasks,
        @NotNull @NonNegativeDuration Duration totalExecutionTime,
        Instant lastTaskExecutedAt) {

    public static final RepositoryStatistics NONE = new RepositoryStatistics(0, 0, 0, Duration.ZERO, null);

    public RepositoryStatistics {
        Objects.requireNonNull(totalExecutionTime, "totalExecutionTime");
    }

    @AssertTrue(message = "successfulTasks + failedTasks must not exceed totalTasks")
    public boolean isConsistent() {
        return successfulTasks + failedTasks <= totalTasks;
    }

    public Duration averageTaskDuration() {
        return successfulTasks == 0 ? Duration.ZERO : totalExecutionTime.dividedBy(successfulTasks);
    }

    public RepositoryStatistics withSuccess(Duration duration, Instant at) {
        return new RepositoryStatistics(totalTasks + 1, successfulTasks + 1, failedTasks,
                NonNegativeDuration.Totals.plus(totalExecutionTime, duration), at);
    }

    public RepositoryStatistics withFailure(Instant at) {
        return new RepositoryStatistics(totalTasks + 1, successfulTasks, failedTasks + 1, totalExecutionTime, at);
    }
}
