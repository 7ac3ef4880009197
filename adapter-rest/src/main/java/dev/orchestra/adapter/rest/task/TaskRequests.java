package dev.orchestra.adapter.rest.task;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the Tasks section. */
public final class TaskRequests {
    private TaskRequests() {
    }

    /** Enqueue one task. */
    @Schema(name = "EnqueueRequest")
    public record Enqueue(@Size(min = 1, max = 128) @Pattern(regexp = "^" + Agent.ID_PATTERN + "$") String id,
                          @NotBlank @Size(max = 2000) String command,
                          @NotBlank @Size(max = 500) String repositoryPath, TaskPriority priority,
                          @Size(max = 128) String correlationId, @Size(max = 128) String parentTaskId,
                          @Size(max = 128) String workflowId, @Min(0) Integer workflowStep) {
    }

    /** Enqueue up to 10,000 tasks, all or nothing. */
    @Schema(name = "EnqueueBatchRequest")
    public record Batch(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid Enqueue> tasks) {
    }

    /** An agent asks for work. */
    @Schema(name = "ClaimRequest")
    public record Claim(@NotBlank @Size(max = 128) String agentId, Boolean anyRepository,
                        @Schema(description = "start the claimed task at once (IN_PROGRESS), in the same call")
                        Boolean start) {
    }

    @Schema(name = "CompleteAndClaimRequest")
    public record CompleteAndClaim(@Size(max = Task.MAX_RESULT) String result, Boolean anyRepository,
                                   @Schema(description = "start the next task at once (IN_PROGRESS)")
                                   Boolean start) {
    }

    @Schema(name = "ProgressRequest")
    public record Progress(@NotNull @Min(0) @Max(100) Integer percentage, @Size(max = 1000) String message) {
    }

    @Schema(name = "CompleteRequest")
    public record Complete(@Size(max = Task.MAX_RESULT) String result) {
    }

    @Schema(name = "FailRequest")
    public record Fail(@NotBlank @Size(max = Task.MAX_ERROR) String errorMessage, Boolean retry) {
    }
}
