package dev.orchestra.application.resilience;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitState;
import dev.orchestra.domain.resilience.CircuitTransition;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Inbound port: the circuit breakers of the agents, kept across restarts, with their history. */
public interface Resilience {
    /** What a PUT may set; absent fields keep their value (or, for a new breaker, the defaults). */
    record BreakerState(CircuitState state, Long failureCount, Long successCount, Integer failureThreshold,
                        Duration coolDown, Instant openedAt, Instant resetAt) {
    }

    /** The breaker after an upsert, and whether it was created by it. */
    record Upserted(CircuitBreaker breaker, boolean created) {
    }

    Page<CircuitBreaker> list(Caller caller, CircuitState state, PageRequest<CircuitBreaker> page);

    CircuitBreaker get(Caller caller, String agentKey);

    /** Creates the breaker, or replaces its state when {@code expectedVersion} matches (required then). */
    Upserted upsert(Caller caller, String agentKey, Long expectedVersion, BreakerState state);

    /**
     * The outcome of one call: the state machine runs on the stored breaker (created with the defaults
     * on its first outcome) and the result and its transitions are saved in one unit of work.
     */
    CircuitBreaker recordOutcome(Caller caller, String agentKey, boolean success);

    CircuitBreaker reset(Caller caller, String agentKey);

    /** OPEN circuits of the caller's tenant past their {@code resetAt} become HALF_OPEN; they are returned. */
    List<CircuitBreaker> recover(Caller caller);

    /** {@link #recover} for every tenant, as the system: at start-up and periodically. */
    List<CircuitBreaker> recoverEveryTenant();

    Page<CircuitTransition> transitions(Caller caller, String agentKey, PageRequest<CircuitTransition> page);
}
