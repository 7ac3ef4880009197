package dev.orchestra.domain.resilience;

/** Where a circuit breaker stands: calls pass (CLOSED), are cut off (OPEN), or one trial passes (HALF_OPEN). */
public enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN
}
