package dev.orchestra.domain.routing;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The running figures of one agent's routed tasks, counted from the outcomes of its decisions. Success rate
 * and average duration are derived, never stored apart from the counts they come from.
 */
public record RoutingStatistics(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 200) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String agentKey,
        @PositiveOrZero long total,
        @PositiveOrZero long successful,
        @PositiveOrZero long failed,
        @NotNull Duration totalDuration,
        @NotNull Instant lastUpdated,
        long version) {
    public static final String ENTITY = "RoutingStatistics";

    public RoutingStatistics {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(totalDuration, "totalDuration");
        if (successful < 0 || failed < 0 || total != successful + failed) {
            throw ValidationFailed.of("total", "must be successful + failed (" + successful + " + " + failed
                    + "), not " + total);
        }
        if (totalDuration.isNegative()) {
            throw ValidationFailed.of("totalDuration", "must not be negative");
        }
    }

    /** No outcome counted yet. */
    public static RoutingStatistics none(TenantId tenant, String agentKey, Instant now) {
        return new RoutingStatistics(tenant, agentKey, 0, 0, 0, Duration.ZERO, now, 0);
    }

    /** Successful outcomes out of all, 0 before the first. */
    public double successRate() {
        return total == 0 ? 0.0 : (double) successful / total;
    }

    /** Total duration over the count, to the nanosecond (rounded down); zero before the first. */
    public Duration averageDuration() {
        return total == 0 ? Duration.ZERO : totalDuration.dividedBy(total);
    }

    /**
     * These figures with one more outcome counted; refused when the total duration would pass what a store
     * keeps (3,559 outcomes of 30 days each did, and every later outcome of the agent failed in the store).
     */
    public RoutingStatistics plus(RoutingOutcome outcome, Instant now) {
        Duration sum = totalDuration.plus(outcome.duration());
        if (sum.compareTo(NonNegativeDuration.LONGEST) > 0) {
            throw ValidationFailed.of("duration", "would take the total routing duration of agent '" + agentKey
                    + "' past " + NonNegativeDuration.LONGEST_TEXT
                    + ", the most a store keeps");
        }
        return new RoutingStatistics(tenantId, agentKey, total + 1, successful + (outcome.success() ? 1 : 0),
                failed + (outcome.success() ? 0 : 1), sum, now, version);
    }

    /** The counted figures of {@code other} at this row's version (for a recalculation). */
    public RoutingStatistics withFiguresOf(RoutingStatistics other, Instant now) {
        return new RoutingStatistics(tenantId, agentKey, other.total, other.successful, other.failed,
                other.totalDuration, now, version);
    }

    /** Whether the counts and durations are the same (times and versions aside). */
    public boolean sameFiguresAs(RoutingStatistics other) {
        return total == other.total && successful == other.successful && failed == other.failed
                && totalDuration.equals(other.totalDuration);
    }

    public RoutingStatistics withVersion(long newVersion) {
        return new RoutingStatistics(tenantId, agentKey, total, successful, failed, totalDuration, lastUpdated,
                newVersion);
    }
}
