package dev.orchestra.domain.task;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.HoldsSecrets;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A unit of work for an agent. Immutable; each transition method checks the status machine of
 * {@link TaskStatus} and returns the next state. The canonical constructor is for stores.
 */
@ChronologicalTask
public record Task(
        @NotNull TenantId tenantId,
        @NotNull @Size(min = 1, max = 128) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @StorableText @Size(max = 2000) String command,
        @NotBlank @SingleLine @Size(max = 500) String repositoryPath,
        @SingleLine @Size(max = 128) String repositoryId,
        @SingleLine @Size(max = 128) String agentId,
        @NotNull TaskPriority priority,
        @NotNull TaskStatus status,
        @NotNull Instant createdAt,
        Instant assignedAt,
        Instant startedAt,
        Instant completedAt,
        @StorableText @Size(max = MAX_RESULT) String result,
        @StorableText @Size(max = MAX_ERROR) String errorMessage,
        @Min(0) @Max(MAX_RETRIES) int retryCount,
        @SingleLine @Size(max = 128) String correlationId,
        @SingleLine @Size(max = 128) String workflowId,
        @Min(0) int workflowStep,
        @SingleLine @Size(max = 128) String parentTaskId,
        boolean container,
        @NotNull @Valid TaskProgress progress,
        @Valid Lease lease,
        @NotNull Instant updatedAt,
        long version) implements HoldsSecrets {
    /** The entity type this aggregate is known by in audit entries and messages. */
    public static final String ENTITY = "Task";
    /** The lease token's name in audit entries. */
    public static final String LEASE_TOKEN = "lease.token";
    private static final Set<String> SECRETS = Set.of(LEASE_TOKEN);


    public static final int MAX_RETRIES = 10;
    public static final int MAX_RESULT = 1_000_000;
    public static final int MAX_ERROR = 10_000;
    private static final String TASK = ENTITY;

    public Task {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(createdAt, "createdAt");
        progress = progress == null ? TaskProgress.NONE : progress;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
        if (container && (agentId != null || status.isActive() || lease != null)) {
            throw ValidationFailed.of("container", "a container task is never claimed: its steps are");
        }
    }

    /** A task that is not a container: what legacy files hold and what clients enqueue. */
    public Task(TenantId tenantId, String id, String command, String repositoryPath, String repositoryId,
                String agentId, TaskPriority priority, TaskStatus status, Instant createdAt, Instant assignedAt,
                Instant startedAt, Instant completedAt, String result, String errorMessage, int retryCount,
                String correlationId, String workflowId, int workflowStep, String parentTaskId,
                TaskProgress progress, Lease lease, Instant updatedAt, long version) {
        this(tenantId, id, command, repositoryPath, repositoryId, agentId, priority, status, createdAt, assignedAt,
                startedAt, completedAt, result, errorMessage, retryCount, correlationId, workflowId, workflowStep,
                parentTaskId, false, progress, lease, updatedAt, version);
    }

    /**
     * What a client asks to enqueue; absent priority is NORMAL. A {@code container} (the parent of a
     * template's steps) is never claimed: its steps are, one after the other, and it finishes with them.
     */
    public record NewTask(
            String id,
            String command,
            String repositoryPath,
            TaskPriority priority,
            String correlationId,
            String parentTaskId,
            String workflowId,
            Integer workflowStep,
            boolean container) {

        public NewTask(String id, String command, String repositoryPath, TaskPriority priority, String correlationId,
                       String parentTaskId, String workflowId, Integer workflowStep) {
            this(id, command, repositoryPath, priority, correlationId, parentTaskId, workflowId, workflowStep, false);
        }
    }

    /** The lease token proves the right to work on the task; reads never show it, the audit trail neither. */
    @Override
    public Set<String> secretNames() {
        return SECRETS;
    }

    public static Task enqueue(TenantId tenant, String id, NewTask request, String repositoryId, Instant now) {
        return new Task(tenant, id, request.command(), request.repositoryPath(), repositoryId, null,
                request.priority() == null ? TaskPriority.NORMAL : request.priority(), TaskStatus.PENDING, now,
                null, null, null, null, null, 0, request.correlationId(), request.workflowId(),
                request.workflowStep() == null ? 0 : request.workflowStep(), request.parentTaskId(),
                request.container(), TaskProgress.NONE, null, now, 0);
    }

    /** The same state at another version: stores use it to return what they wrote. */
    public Task withVersion(long newVersion) {
        return new Task(tenantId, id, command, repositoryPath, repositoryId, agentId, priority, status, createdAt,
                assignedAt, startedAt, completedAt, result, errorMessage, retryCount, correlationId, workflowId,
                workflowStep, parentTaskId, container, progress, lease, updatedAt, newVersion);
    }

    public Duration executionDuration() {
        return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
    }

    public boolean isActive() {
        return status.isActive();
    }

    public Task assign(String agent, Lease newLease, Instant now) {
        if (container) {
            throw new InvalidTransition(TASK + " '" + id + "' is a container: its steps are claimed, not it");
        }
        requireMove(TaskStatus.ASSIGNED);
        return copy(TaskStatus.ASSIGNED, agent, notBefore(now, createdAt), startedAt, completedAt, result,
                errorMessage, retryCount, progress, newLease, now);
    }

    /** A heartbeat of the owning agent moves the lease's expiry; the token stays. */
    public Task renewLease(Instant expiresAt, Instant now) {
        if (lease == null || !isActive()) {
            return this;
        }
        return copy(status, agentId, assignedAt, startedAt, completedAt, result, errorMessage, retryCount, progress,
                new Lease(lease.token(), expiresAt), now);
    }

    public boolean leaseExpiredAt(Instant now) {
        return lease != null && lease.expiresAt().isBefore(now);
    }

    public Task start(Instant now) {
        requireMove(TaskStatus.IN_PROGRESS);
        Instant at = notBefore(now, assignedAt == null ? createdAt : assignedAt);
        return copy(TaskStatus.IN_PROGRESS, agentId, assignedAt, at, null, result, errorMessage, retryCount,
                new TaskProgress(0, progress.message(), at), lease, now);
    }

    public Task reportProgress(int percentage, String message, Instant now) {
        if (status != TaskStatus.IN_PROGRESS) {
            throw new InvalidTransition(TASK + " '" + id + "' is " + status.name()
                    + ": progress can only be reported while IN_PROGRESS");
        }
        return copy(status, agentId, assignedAt, startedAt, completedAt, result, errorMessage, retryCount,
                new TaskProgress(percentage, message, now), lease, now);
    }

    public Task complete(String outcome, Instant now) {
        requireMove(TaskStatus.COMPLETED);
        Instant at = notBefore(now, startedAt);
        return copy(TaskStatus.COMPLETED, agentId, assignedAt, startedAt, at, outcome, null, retryCount,
                new TaskProgress(100, progress.message(), at), null, now);
    }

    public Task fail(String error, Instant now) {
        requireMove(TaskStatus.FAILED);
        return copy(TaskStatus.FAILED, agentId, assignedAt, startedAt, notBefore(now, startedAt), result, error,
                retryCount, progress, null, now);
    }

    /** FAILED back to PENDING for another attempt; at most {@value #MAX_RETRIES} retries. */
    public Task retry(Instant now) {
        if (container) {
            throw new InvalidTransition(TASK + " '" + id + "' is a container: retry its failed step instead");
        }
        requireMove(TaskStatus.PENDING);
        if (retryCount >= MAX_RETRIES) {
            throw new InvalidTransition(TASK + " '" + id + "' cannot go from FAILED to PENDING: it was retried "
                    + retryCount + " times, the most allowed");
        }
        return copy(TaskStatus.PENDING, null, null, null, null, null, errorMessage, retryCount + 1,
                TaskProgress.NONE, null, now);
    }

    /** ASSIGNED back to PENDING when its agent is lost; not a retry. */
    public Task unassign(Instant now) {
        if (status != TaskStatus.ASSIGNED) {
            throw new InvalidTransition(TASK, id, status, TaskStatus.PENDING);
        }
        return copy(TaskStatus.PENDING, null, null, null, null, result, errorMessage, retryCount, progress, null,
                now);
    }

    /** An active task whose agent is gone, back to PENDING (a repair, not a retry: the count stays). */
    public Task requeueLost(Instant now) {
        if (!status.isActive()) {
            throw new InvalidTransition(TASK, id, status, TaskStatus.PENDING);
        }
        return copy(TaskStatus.PENDING, null, null, null, null, result, errorMessage, retryCount, TaskProgress.NONE,
                null, now);
    }

    /** The same task without its parent: how a repair breaks a cycle of parent tasks. */
    public Task withoutParent(Instant now) {
        return new Task(tenantId, id, command, repositoryPath, repositoryId, agentId, priority, status, createdAt,
                assignedAt, startedAt, completedAt, result, errorMessage, retryCount, correlationId, workflowId,
                workflowStep, null, container, progress, lease, now, version);
    }

    /**
     * Repair: every recorded moment no earlier than the one it follows (assigned and started not before created,
     * completed not before started): a later moment recorded before an earlier one is moved up to it.
     */
    public Task withTimesInOrder(Instant now) {
        Instant assigned = assignedAt == null || !assignedAt.isBefore(createdAt) ? assignedAt : createdAt;
        Instant started = startedAt == null || !startedAt.isBefore(createdAt) ? startedAt : createdAt;
        Instant floor = started != null ? started : createdAt;
        Instant completed = completedAt == null || !completedAt.isBefore(floor) ? completedAt : floor;
        return new Task(tenantId, id, command, repositoryPath, repositoryId, agentId, priority, status, createdAt,
                assigned, started, completed, result, errorMessage, retryCount, correlationId, workflowId,
                workflowStep, parentTaskId, container, progress, lease, notBefore(now, updatedAt), version);
    }

    public Task cancel(Instant now) {
        requireMove(TaskStatus.CANCELLED);
        return copy(TaskStatus.CANCELLED, agentId, assignedAt, startedAt,
                notBefore(now, startedAt == null ? createdAt : startedAt), result, errorMessage, retryCount,
                progress, null, now);
    }

    /**
     * A container completes with its last step, straight from PENDING since it is never claimed. (A step
     * that fails holds the steps after it until it is retried and completes, or the container is
     * cancelled, which cancels the steps not finished.)
     */
    public Task completeContainer(Instant now) {
        if (!container || status != TaskStatus.PENDING) {
            throw new InvalidTransition(TASK, id, status, TaskStatus.COMPLETED);
        }
        Instant at = notBefore(now, createdAt);
        return copy(TaskStatus.COMPLETED, null, null, null, at, null, null, retryCount,
                new TaskProgress(100, null, at), null, now);
    }

    private void requireMove(TaskStatus target) {
        if (!status.canMoveTo(target)) {
            throw new InvalidTransition(TASK, id, status, target);
        }
    }

    /** Clocks of different machines disagree a little; a transition never writes time backwards. */
    private static Instant notBefore(Instant now, Instant floor) {
        return floor != null && now.isBefore(floor) ? floor : now;
    }

    private Task copy(TaskStatus newStatus, String agent, Instant assigned, Instant started, Instant completed,
                      String newResult, String error, int retries, TaskProgress newProgress, Lease newLease,
                      Instant now) {
        return new Task(tenantId, id, command, repositoryPath, repositoryId, agent, priority, newStatus, createdAt,
                assigned, started, completed, newResult, error, retries, correlationId, workflowId, workflowStep,
                parentTaskId, container, newProgress, newLease, now, version);
    }
}
