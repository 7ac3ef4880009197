package dev.orchestra.adapter.rest.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepGraph;
import dev.orchestra.domain.workflow.StepStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Request bodies of the workflow endpoints; the domain checks lengths, patterns and the step graph. */
public final class WorkflowRequests {
    private WorkflowRequests() {
    }

    /** A definition version; for {@code POST /{id}/versions} the name may be left out (it is kept). */
    @Schema(name = "WorkflowDefinitionRequest")
    public record Definition(String id, String name, @NotNull String version, @NotNull @Valid Graph definition,
                             @Schema(description = "a JSON object (a JSON Schema)") JsonNode inputSchema,
                             @Schema(description = "a JSON object (a JSON Schema)") JsonNode outputSchema,
                             String category, @Size(max = 100) Set<String> tags, String author,
                             @JsonProperty("public") Boolean publicDefinition) {
    }

    @Schema(name = "WorkflowGraph")
    public record Graph(@NotNull @Size(max = StepGraph.MAX_STEPS) List<@NotNull @Valid Step> steps) {
    }

    @Schema(name = "WorkflowStep")
    public record Step(@NotNull String id, @NotNull String type, String command,
                       @Size(max = 100) List<@NotNull String> dependsOn) {
    }

    @Schema(name = "WorkflowExecutionRequest")
    public record NewExecution(String id, @NotNull String definitionId,
                               @Schema(description = "a JSON object") JsonNode input,
                               @Schema(description = "a JSON object") JsonNode context, String initiatedBy,
                               @Size(max = 100) Set<String> tags, String parentExecutionId) {
    }

    /** The whole state of an execution; a field left out keeps its value (or its default, when new). */
    @Schema(name = "WorkflowExecutionState")
    public record State(String definitionId, ExecutionStatus status,
                        @Schema(description = "a JSON object") JsonNode context,
                        @Schema(description = "a JSON object; fixed once the execution exists") JsonNode input,
                        @Schema(description = "a JSON object") JsonNode output, String currentStage,
                        String errorMessage, String initiatedBy, @Size(max = 100) Set<String> tags,
                        String parentExecutionId) {
    }

    @Schema(name = "WorkflowStepRecord")
    public record StepRecord(@NotNull String stepId, @NotNull Integer attempt, @NotNull StepStatus status,
                             @Schema(description = "a JSON object") JsonNode input,
                             @Schema(description = "a JSON object") JsonNode output, String error, Instant startedAt,
                             Instant completedAt,
                             @Schema(description = "the execution's new state, saved with the step; by default it "
                                     + "is RUNNING with the step as its stage") @Valid ExecutionChange execution) {
    }

    @Schema(name = "WorkflowExecutionChange")
    public record ExecutionChange(ExecutionStatus status, String currentStage,
                                  @Schema(description = "a JSON object") JsonNode output, String errorMessage,
                                  @Schema(description = "a JSON object") JsonNode context) {
    }

    @Schema(name = "WorkflowRecoveryClaim")
    public record Claim(@NotNull String executorId, Integer limit) {
    }

    @Schema(name = "WorkflowFork")
    public record Fork(@NotNull String fromStepId, String id) {
    }
}
