package dev.orchestra.adapter.rest.resilience;

import dev.orchestra.domain.resilience.CircuitState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/** Circuit breakers and their transitions on the wire. */
public final class CircuitResponses {
    private CircuitResponses() {
    }

    @Schema(name = "CircuitBreakerResponse")
    public record Breaker(String agentKey, CircuitState state, long failureCount, long successCount,
                          int failureThreshold,
                          @Schema(type = "string", format = "duration", example = "PT1M") Duration coolDown,
                          Instant openedAt, Instant resetAt, Instant lastUpdated, long version) {
    }

    @Schema(name = "CircuitTransitionResponse")
    public record Transition(String id, String agentKey, CircuitState from, CircuitState to, String reason,
                             long failureCount, long successCount, Instant at, String by) {
    }
}
