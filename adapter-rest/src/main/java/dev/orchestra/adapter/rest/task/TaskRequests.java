package dev.orchestra.adapter.rest.task;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.orchestra.domain.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the Tasks section. */
public final class TaskRequests {
    private TaskRequests() {
    }

    /** Enqueue one task. */
    @Schema(name = "EnqueueRequest")
    public record Enqueue(String id, @NotBlank String command, @NotBlank String repositoryPath,
                          TaskPriority priority, String correlationId, String parentTaskId, String workflowId,
                          Integer workflowStep) {
    }

    /** Enqueue up to 10,000 tasks, all or nothing. */
    @Schema(name = "EnqueueBatchRequest")
    public record Batch(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid Enqueue> tasks) {
    }

    /** An agent asks for work. */
    @Schema(name = "ClaimRequest")
    public record Claim(@NotBlank String agentId, Boolean anyRepository) {
    }

    @Schema(name = "ProgressRequest")
    public record Progress(@NotNull @Min(0) @Max(100) Integer percentage, String message) {
    }

    @Schema(name = "CompleteRequest")
    public record Complete(String result) {
    }

    @Schema(name = "FailRequest")
    public record Fail(@NotBlank String errorMessage, Boolean retry) {
    }
}
