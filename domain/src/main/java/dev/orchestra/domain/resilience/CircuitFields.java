package dev.orchestra.domain.resilience;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a circuit breaker. */
public final class CircuitFields {
    public static final Field<CircuitBreaker, String> AGENT_KEY =
            new Field<>("agentKey", String.class, CircuitBreaker::agentKey);
    public static final Field<CircuitBreaker, CircuitState> STATE =
            new Field<>("state", CircuitState.class, CircuitBreaker::state);
    public static final Field<CircuitBreaker, Instant> RESET_AT =
            new Field<>("resetAt", Instant.class, CircuitBreaker::resetAt);
    public static final Field<CircuitBreaker, Instant> LAST_UPDATED =
            new Field<>("lastUpdated", Instant.class, CircuitBreaker::lastUpdated);

    public static final List<Field<CircuitBreaker, ?>> ALL = List.of(AGENT_KEY, STATE, RESET_AT, LAST_UPDATED);

    private CircuitFields() {
    }
}
