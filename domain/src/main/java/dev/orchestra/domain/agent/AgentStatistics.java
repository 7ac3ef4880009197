package dev.orchestra.domain.agent;

import dev.orchestra.domain.shared.NonNegativeDuration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Objects;

/** Lifetime counters of an agent's finished tasks; averages and rates are derived, never stored twice. */
public record AgentStatistics(
        @PositiveOrZero long completed,
        @PositiveOrZero long failed,
        @NotNull @NonNegativeDuration Duration totalExecutionTime) {

    public static final AgentStatistics NONE = new AgentStatistics(0, 0, Duration.ZERO);

    public AgentStatistics {
        Objects.requireNonNull(totalExecutionTime, "totalExecutionTime");
    }

    /** Average over completed tasks, whose durations make up the total. */
    public Duration averageExecutionTime() {
        return completed == 0 ? Duration.ZERO : totalExecutionTime.dividedBy(completed);
    }

    public double successRate() {
        long finished = completed + failed;
        return finished == 0 ? 0.0 : (double) completed / finished;
    }

    public AgentStatistics withCompleted(Duration executionTime) {
        return new AgentStatistics(completed + 1, failed,
                NonNegativeDuration.Totals.plus(totalExecutionTime, executionTime));
    }

    public AgentStatistics withFailed() {
        return new AgentStatistics(completed, failed + 1, totalExecutionTime);
    }
}
