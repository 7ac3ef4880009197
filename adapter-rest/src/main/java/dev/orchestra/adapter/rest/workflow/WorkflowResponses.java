package dev.orchestra.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Workflow definitions, executions and step attempts on the wire. */
public final class WorkflowResponses {
    private WorkflowResponses() {
    }

    @Schema(name = "WorkflowDefinitionResponse")
    public record Definition(String id, String name, String version, String previousVersionId, String contentHash,
                             Graph definition,
                             @Schema(implementation = Map.class) @JsonRawValue String inputSchema,
                             @Schema(implementation = Map.class) @JsonRawValue String outputSchema,
                             String category, Set<String> tags, String author,
                             @JsonProperty("public") boolean publicDefinition, boolean active, boolean latest,
                             Usage usage, Instant createdAt, String createdBy) {
    }

    @Schema(name = "WorkflowGraphResponse")
    public record Graph(List<Step> steps) {
    }

    @Schema(name = "WorkflowStepResponse")
    public record Step(String id, String type, String command, List<String> dependsOn) {
    }

    @Schema(name = "WorkflowUsage", description = "executions started (forks too), and those that completed or failed")
    public record Usage(long started, long completed, long failed) {
    }

    @Schema(name = "WorkflowExecutionResponse")
    public record Execution(String id, String definitionId, String workflowName, String workflowVersion,
                            String contentHash, ExecutionStatus status,
                            @Schema(implementation = Map.class) @JsonRawValue String context,
                            @Schema(implementation = Map.class) @JsonRawValue String input,
                            @Schema(implementation = Map.class) @JsonRawValue String output, String currentStage,
                            String errorMessage, Instant createdAt, Instant startedAt, Instant completedAt,
                            String initiatedBy, Set<String> tags, String parentExecutionId, String forkedFrom,
                            String forkedFromStepId, String executorId, String leaseToken, Instant leaseExpiresAt,
                            int recoveryAttempts, Instant updatedAt, long version,
                            @Schema(description = "the step attempts in recording order; only on a single execution")
                            List<StepAttempt> steps) {
    }

    @Schema(name = "WorkflowStepAttempt")
    public record StepAttempt(String stepId, int attempt, long position, StepStatus status,
                              @Schema(implementation = Map.class) @JsonRawValue String input,
                              @Schema(implementation = Map.class) @JsonRawValue String output, String error,
                              Instant startedAt, Instant completedAt,
                              @Schema(type = "string", format = "duration") Duration duration, Instant recordedAt) {
    }

    @Schema(name = "WorkflowStepRecorded", description = "the stored attempt and the execution after it")
    public record Recorded(StepAttempt step, Execution execution,
                           @Schema(description = "true when this attempt had already been recorded with this result")
                           boolean replayed) {
    }
}
