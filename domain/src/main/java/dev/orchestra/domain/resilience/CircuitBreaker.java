package dev.orchestra.domain.resilience;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.PositiveDuration;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The circuit breaker of one agent (or any key the orchestrator calls through). CLOSED counts
 * consecutive failures and opens at the threshold, for the cool-down ({@code resetAt = openedAt +
 * coolDown}); OPEN becomes HALF_OPEN once {@code resetAt} has passed; in HALF_OPEN one success closes it
 * and one failure opens it again. Every move yields a {@link CircuitTransition} with its reason, which
 * the store appends in the same unit of work.
 */
public record CircuitBreaker(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 200) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String agentKey,
        @NotNull CircuitState state,
        @PositiveOrZero long failureCount,
        @PositiveOrZero long successCount,
        @Min(1) @Max(MAX_THRESHOLD) int failureThreshold,
        @NotNull @PositiveDuration Duration coolDown,
        Instant openedAt,
        Instant resetAt,
        @NotNull Instant lastUpdated,
        long version) {
    public static final String ENTITY = "CircuitBreaker";
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(1);
    public static final int MAX_THRESHOLD = 10_000;
    /** A cool-down longer than this is a mistake, not a policy. */
    public static final Duration MAX_COOL_DOWN = Duration.ofDays(30);

    public CircuitBreaker {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(state, "state");
        if (coolDown != null && coolDown.compareTo(MAX_COOL_DOWN) > 0) {
            throw ValidationFailed.of("coolDown", "must be at most " + MAX_COOL_DOWN);
        }
        if (state == CircuitState.OPEN && (openedAt == null || resetAt == null)) {
            throw ValidationFailed.of("resetAt", "an OPEN circuit has openedAt and resetAt");
        }
        if (openedAt != null && resetAt != null && resetAt.isBefore(openedAt)) {
            throw ValidationFailed.of("resetAt", "must not be before openedAt");
        }
        if (state == CircuitState.CLOSED && (openedAt != null || resetAt != null)) {
            throw ValidationFailed.of("openedAt", "a CLOSED circuit has neither openedAt nor resetAt");
        }
    }

    /** A new, closed breaker. */
    public static CircuitBreaker closed(TenantId tenant, String agentKey, Integer failureThreshold,
                                        Duration coolDown, Instant now) {
        return new CircuitBreaker(tenant, agentKey, CircuitState.CLOSED, 0, 0,
                failureThreshold == null ? DEFAULT_FAILURE_THRESHOLD : failureThreshold,
                coolDown == null ? DEFAULT_COOL_DOWN : coolDown, null, null, now, 0);
    }

    /** The breaker after a move, and the transitions the move made (none, one, or two). */
    public record Moved(CircuitBreaker breaker, List<CircuitTransition> transitions) {
        public Moved {
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * The outcome of one call through the breaker. An OPEN circuit whose {@code resetAt} has passed takes
     * the call as its trial (HALF_OPEN first); before that, the outcome is counted and the circuit stays
     * OPEN without its cool-down being stretched.
     */
    public Moved onOutcome(boolean success, Instant now, String by) {
        List<CircuitTransition> transitions = new ArrayList<>();
        CircuitBreaker current = this;
        if (state == CircuitState.OPEN && !now.isBefore(resetAt)) {
            current = current.move(CircuitState.HALF_OPEN, failureCount, successCount, openedAt, resetAt, now,
                    "cool-down ended at " + resetAt + "; this call is the trial", by, transitions);
        }
        CircuitBreaker next = switch (current.state) {
            case CLOSED -> success
                    ? current.counted(0, current.successCount + 1, now)
                    : current.failureCount + 1 >= current.failureThreshold
                    ? current.move(CircuitState.OPEN, current.failureCount + 1, current.successCount, now,
                            now.plus(current.coolDown), now, "failure threshold reached ("
                                    + (current.failureCount + 1) + " consecutive failures, threshold "
                                    + current.failureThreshold + ")", by, transitions)
                    : current.counted(current.failureCount + 1, current.successCount, now);
            case HALF_OPEN -> success
                    ? current.move(CircuitState.CLOSED, 0, 0, null, null, now, "trial call succeeded", by,
                            transitions)
                    : current.move(CircuitState.OPEN, current.failureCount + 1, current.successCount, now,
                            now.plus(current.coolDown), now, "trial call failed", by, transitions);
            case OPEN -> success
                    ? current.counted(current.failureCount, current.successCount + 1, now)
                    : current.counted(current.failureCount + 1, current.successCount, now);
        };
        return new Moved(next, transitions);
    }

    /** OPEN past {@code resetAt} becomes HALF_OPEN; anything else stays as it is (no transition). */
    public Moved recover(Instant now, String by) {
        List<CircuitTransition> transitions = new ArrayList<>();
        if (state != CircuitState.OPEN || now.isBefore(resetAt)) {
            return new Moved(this, transitions);
        }
        CircuitBreaker next = move(CircuitState.HALF_OPEN, failureCount, successCount, openedAt, resetAt, now,
                "cool-down ended at " + resetAt, by, transitions);
        return new Moved(next, transitions);
    }

    /** Back to CLOSED with counters at 0; a transition only when the state changes. */
    public Moved reset(Instant now, String by) {
        List<CircuitTransition> transitions = new ArrayList<>();
        CircuitBreaker next = state == CircuitState.CLOSED ? counted(0, 0, now)
                : move(CircuitState.CLOSED, 0, 0, null, null, now, "reset by an operator", by, transitions);
        return new Moved(next, transitions);
    }

    /** New threshold and cool-down; the state and its times stay (an OPEN circuit keeps its resetAt). */
    public CircuitBreaker reconfigured(int threshold, Duration newCoolDown, Instant now) {
        return new CircuitBreaker(tenantId, agentKey, state, failureCount, successCount, threshold, newCoolDown,
                openedAt, resetAt, now, version);
    }

    /** The same state at another version: stores use it to return what they wrote. */
    public CircuitBreaker withVersion(long newVersion) {
        return new CircuitBreaker(tenantId, agentKey, state, failureCount, successCount, failureThreshold,
                coolDown, openedAt, resetAt, lastUpdated, newVersion);
    }

    private CircuitBreaker counted(long failures, long successes, Instant now) {
        return new CircuitBreaker(tenantId, agentKey, state, failures, successes, failureThreshold, coolDown,
                openedAt, resetAt, now, version);
    }

    private CircuitBreaker move(CircuitState to, long failures, long successes, Instant opened, Instant reset,
                                Instant now, String reason, String by, List<CircuitTransition> into) {
        into.add(new CircuitTransition(tenantId, Ids.newId(), agentKey, state, to, reason, failures, successes, now,
                by));
        return new CircuitBreaker(tenantId, agentKey, to, failures, successes, failureThreshold, coolDown, opened,
                reset, now, version);
    }
}
