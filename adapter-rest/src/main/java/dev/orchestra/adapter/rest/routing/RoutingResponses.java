package dev.orchestra.adapter.rest.routing;

import dev.orchestra.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Routing decisions and statistics on the wire. */
public final class RoutingResponses {
    private RoutingResponses() {
    }

    @Schema(name = "RoutingDecisionResponse")
    public record Decision(String id, String taskId, String taskType, String requiredCapability,
                           String selectedAgent, TaskPriority priority, double agentScore, String strategy,
                           List<Candidate> candidates, boolean success, String errorMessage, int retryAttempts,
                           @Schema(type = "string", format = "duration") Duration routingDuration, Instant routedAt,
                           String workflowExecutionId, String workflowStepId, Outcome outcome) {
    }

    @Schema(name = "RoutingCandidateResponse")
    public record Candidate(String agentKey, double score, String excludedReason) {
    }

    @Schema(name = "RoutingOutcomeResponse")
    public record Outcome(boolean success, @Schema(type = "string", format = "duration") Duration duration,
                          String error, Instant at) {
    }

    @Schema(name = "RoutingStatisticsResponse")
    public record Statistics(String agentKey, long total, long successful, long failed,
                             @Schema(type = "string", format = "duration") Duration totalDuration,
                             double successRate,
                             @Schema(type = "string", format = "duration") Duration averageDuration,
                             Instant lastUpdated, long version) {
    }

    @Schema(name = "RoutingOutcomeRecorded", description = "the decision with its outcome, and the agent's figures")
    public record Counted(Decision decision, Statistics statistics) {
    }

    @Schema(name = "RoutingDrift")
    public record Drift(String agentKey, Statistics running, Statistics recalculated) {
    }

    @Schema(name = "RoutingDriftReport")
    public record DriftReport(Instant since, Instant checkedAt, int agentsChecked, List<Drift> drifted) {
    }

    @Schema(name = "RoutingRecalculation")
    public record Recalculation(Instant since, Instant recalculatedAt, int changed, List<Statistics> statistics) {
    }
}
