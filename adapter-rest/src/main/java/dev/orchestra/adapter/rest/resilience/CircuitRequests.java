package dev.orchestra.adapter.rest.resilience;

import dev.orchestra.domain.resilience.CircuitBreaker;
import dev.orchestra.domain.resilience.CircuitState;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;

/** Request bodies of the circuit-breaker endpoints. */
public final class CircuitRequests {
    private CircuitRequests() {
    }

    /**
     * The whole state of a breaker, or only {@code failureThreshold} and {@code coolDown} for a new one;
     * a field left out keeps its value (or its default, for a new breaker).
     */
    @Schema(name = "CircuitBreakerRequest")
    public record State(CircuitState state, @Min(0) Long failureCount, @Min(0) Long successCount,
                        @Min(1) @Max(CircuitBreaker.MAX_THRESHOLD) Integer failureThreshold,
                        @Schema(type = "string", format = "duration", example = "PT1M") Duration coolDown,
                        Instant openedAt, Instant resetAt) {
    }

    @Schema(name = "CircuitOutcomeRequest")
    public record Outcome(@NotNull Boolean success) {
    }
}
