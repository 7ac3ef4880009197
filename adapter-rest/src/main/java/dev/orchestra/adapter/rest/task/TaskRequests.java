package dev.orchestra.adapter.rest.task;

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
    public record Enqueue(String id, @NotBlank String command, @NotBlank String repositoryPath,
                          TaskPriority priority, String correlationId, String parentTaskId, String workflowId,
                          Integer workflowStep) {
    }

    /** Enqueue up to 10,000 tasks, all or nothing. */
    public record Batch(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid Enqueue> tasks) {
    }

    /** An agent asks for work. */
    public record Claim(@NotBlank String agentId, Boolean anyRepository) {
    }

    public record Progress(@NotNull @Min(0) @Max(100) Integer percentage, String message) {
    }

    public record Complete(String result) {
    }

    public record Fail(@NotBlank String errorMessage, Boolean retry) {
    }
}
