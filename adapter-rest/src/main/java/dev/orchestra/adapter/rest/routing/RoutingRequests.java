package dev.orchestra.adapter.rest.routing;

import dev.orchestra.domain.routing.RoutingDecision;
import dev.orchestra.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/** Request bodies of the routing endpoints; the domain checks the rest (lengths, patterns, the candidate set). */
public final class RoutingRequests {
    private RoutingRequests() {
    }

    @Schema(name = "RoutingDecisionRequest")
    public record Decision(String id, @NotNull String taskId, @NotNull String taskType, String requiredCapability,
                           @NotNull String selectedAgent, @NotNull TaskPriority priority, @NotNull Double agentScore,
                           String strategy,
                           @NotNull @Size(max = RoutingDecision.MAX_CANDIDATES) List<@NotNull @Valid Candidate> candidates,
                           @NotNull Boolean success, String errorMessage,
                           @Min(0) @Max(RoutingDecision.MAX_RETRIES) Integer retryAttempts,
                           @NotNull @Schema(type = "string", format = "duration", example = "PT0.004S")
                           Duration routingDuration,
                           String workflowExecutionId, String workflowStepId) {
    }

    @Schema(name = "RoutingCandidate")
    public record Candidate(@NotNull String agentKey, @NotNull Double score, String excludedReason) {
    }

    @Schema(name = "RoutingOutcomeRequest")
    public record Outcome(@NotNull Boolean success,
                          @NotNull @Schema(type = "string", format = "duration", example = "PT12.5S") Duration duration,
                          String error) {
    }
}
