package dev.orchestra.adapter.rest.task;

import dev.orchestra.adapter.rest.openapi.OpenApiDocument;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A task on the wire. The lease token is the claiming agent's proof and is sent only in the answer to
 * its claim (null in every other answer, which shows when the lease expires, not the token).
 */
public record TaskResponse(
        String id,
        String command,
        String repositoryPath,
        String repositoryId,
        String agentId,
        TaskPriority priority,
        TaskStatus status,
        Instant createdAt,
        Instant assignedAt,
        Instant startedAt,
        Instant completedAt,
        @Schema(pattern = OpenApiDocument.DURATION, example = "PT1M30S") String executionDuration,
        String result,
        String errorMessage,
        int retryCount,
        String correlationId,
        String workflowId,
        int workflowStep,
        String parentTaskId,
        @Schema(description = "the parent of a template's steps: never claimed, it completes with its last step")
        boolean container,
        Progress progress,
        String leaseToken,
        Instant leaseExpiresAt,
        Instant updatedAt,
        long version) {

    @Schema(name = "TaskProgress")
    public record Progress(int percentage, String message, Instant updatedAt) {
    }

    /** The answer to a batch enqueue: how many were created, and each in the order given. */
    @Schema(name = "EnqueueBatchResponse")
    public record Batch(int count, List<TaskResponse> items) {
    }

    /** The answer to a claim: the task with the lease token the agent must present. */
    public static TaskResponse claimed(TaskResponse t, String token) {
        return new TaskResponse(t.id, t.command, t.repositoryPath, t.repositoryId, t.agentId, t.priority, t.status,
                t.createdAt, t.assignedAt, t.startedAt, t.completedAt, t.executionDuration, t.result,
                t.errorMessage, t.retryCount, t.correlationId, t.workflowId, t.workflowStep, t.parentTaskId,
                t.container, t.progress, token, t.leaseExpiresAt, t.updatedAt, t.version);
    }
}
