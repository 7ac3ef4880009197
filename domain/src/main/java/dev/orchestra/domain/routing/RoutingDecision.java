package dev.orchestra.domain.routing;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NonNegativeDuration;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Why a task went to the agent it went to: the candidates the router weighed, their scores and the reason
 * each excluded one was left out. Append-only; the one later change is its {@link RoutingOutcome}, set once.
 */
public record RoutingDecision(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String taskId,
        @NotBlank @SingleLine @Size(max = 100) String taskType,
        @SingleLine @Size(max = 100) String requiredCapability,
        @NotBlank @Size(max = 200) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE)
        String selectedAgent,
        @NotNull TaskPriority priority,
        double agentScore,
        @SingleLine @Size(max = 100) String strategy,
        @NotNull @Size(max = MAX_CANDIDATES) List<@NotNull @Valid RoutingCandidate> candidates,
        boolean success,
        @StorableText @Size(max = MAX_ERROR) String errorMessage,
        @Min(0) @Max(MAX_RETRIES) int retryAttempts,
        @NotNull @NonNegativeDuration Duration routingDuration,
        @NotNull Instant routedAt,
        @SingleLine @Size(max = 100) String workflowExecutionId,
        @SingleLine @Size(max = 100) String workflowStepId,
        @Valid RoutingOutcome outcome) {
    public static final String ENTITY = "RoutingDecision";
    public static final int MAX_CANDIDATES = 500;
    public static final int MAX_ERROR = 10_000;
    public static final int MAX_RETRIES = 1000;
    /** A router that took longer than this to decide did not decide. */
    public static final Duration MAX_ROUTING_DURATION = Duration.ofDays(1);

    public RoutingDecision {
        Objects.requireNonNull(tenantId, "tenantId");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        requireFinite("agentScore", agentScore);
        if (routingDuration != null && routingDuration.compareTo(MAX_ROUTING_DURATION) > 0) {
            throw ValidationFailed.of("routingDuration", "must be at most " + MAX_ROUTING_DURATION);
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!keys.add(candidates.get(i).agentKey())) {
                throw ValidationFailed.of("candidates[" + i + "].agentKey",
                        "'" + candidates.get(i).agentKey() + "' is listed twice");
            }
        }
        if (success && !candidates.isEmpty()) {
            RoutingCandidate chosen = candidates.stream().filter(c -> c.agentKey().equals(selectedAgent))
                    .findFirst().orElse(null);
            if (chosen == null) {
                throw ValidationFailed.of("selectedAgent", "'" + selectedAgent + "' is not one of the candidates");
            }
            if (chosen.excluded()) {
                throw ValidationFailed.of("selectedAgent", "'" + selectedAgent + "' was excluded ("
                        + chosen.excludedReason() + ")");
            }
        }
        if (workflowStepId != null && workflowExecutionId == null) {
            throw ValidationFailed.of("workflowStepId", "needs workflowExecutionId");
        }
    }

    /** This decision with its outcome; a decision whose outcome is already recorded is a {@code Conflict}. */
    public RoutingDecision withOutcome(RoutingOutcome newOutcome) {
        Objects.requireNonNull(newOutcome, "outcome");
        if (outcome != null) {
            throw new Conflict("the outcome of routing decision " + id + " was recorded at "
                    + outcome.at() + "; it is recorded once");
        }
        return new RoutingDecision(tenantId, id, taskId, taskType, requiredCapability, selectedAgent, priority,
                agentScore, strategy, candidates, success, errorMessage, retryAttempts, routingDuration, routedAt,
                workflowExecutionId, workflowStepId, newOutcome);
    }

    static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw ValidationFailed.of(field, "must be a finite number, not " + value);
        }
    }
}
