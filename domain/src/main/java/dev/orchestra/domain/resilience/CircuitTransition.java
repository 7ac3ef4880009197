package dev.orchestra.domain.resilience;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * One move of a circuit breaker, kept for ever (append-only): the history of why an agent was cut off
 * and when it was let back in.
 */
public record CircuitTransition(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotBlank @Size(max = 200) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String agentKey,
        @NotNull CircuitState from,
        @NotNull CircuitState to,
        @NotBlank @StorableText @Size(max = 1000) String reason,
        @PositiveOrZero long failureCount,
        @PositiveOrZero long successCount,
        @NotNull Instant at,
        @SingleLine @Size(max = 255) String by) {
    public static final String ENTITY = "CircuitTransition";

    public CircuitTransition {
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
