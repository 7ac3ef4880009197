package dev.orchestra.domain.workflow;

import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.JsonSize;
import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.StorableText;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of a workflow, pinned at creation to its definition's id, version and content hash. Recovery
 * leases an incomplete execution to one executor with a fresh {@link #leaseToken}; while leased, only that
 * token may record its steps (fencing), so a superseded executor cannot run it twice.
 */
public record WorkflowExecution(
        @NotNull TenantId tenantId,
        @NotBlank @Size(max = 100) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String id,
        @NotBlank @Size(max = 128) String definitionId,
        @NotBlank @Size(max = 200) String workflowName,
        @NotBlank @Size(max = 100) String workflowVersion,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
        @NotNull ExecutionStatus status,
        @NotNull @JsonSize(max = StepExecution.MAX_JSON) JsonDocument context,
        @NotNull @JsonSize(max = StepExecution.MAX_JSON) JsonDocument input,
        @JsonSize(max = StepExecution.MAX_JSON) JsonDocument output,
        @SingleLine @Size(max = 200) String currentStage,
        @StorableText @Size(max = 10_000) String errorMessage,
        @NotNull Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        @SingleLine @Size(max = 255) String initiatedBy,
        @NotNull @Size(max = 100) Set<@NotBlank @SingleLine @Size(max = 100) String> tags,
        @Size(max = 100) @Pattern(regexp = Agent.ID_PATTERN, message = Agent.ID_MESSAGE) String parentExecutionId,
        @Size(max = 100) String forkedFrom,
        @Size(max = 100) String forkedFromStepId,
        @SingleLine @Size(max = 255) String executorId,
        @Size(max = 64) String leaseToken,
        Instant leaseExpiresAt,
        @Min(0) @Max(MAX_RECOVERY_ATTEMPTS) int recoveryAttempts,
        @NotNull Instant updatedAt,
        long version) {
    public static final String ENTITY = "WorkflowExecution";
    public static final int MAX_RECOVERY_ATTEMPTS = 1000;

    public WorkflowExecution {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        context = context == null ? JsonDocument.EMPTY : context;
        input = input == null ? JsonDocument.EMPTY : input;
        if ((leaseToken == null) != (leaseExpiresAt == null) || (leaseToken == null) != (executorId == null)) {
            throw ValidationFailed.of("leaseToken", "a lease has its token, executor and expiry, or none of them");
        }
        if (status.incomplete() && completedAt != null) {
            throw ValidationFailed.of("completedAt", "an execution that is " + status + " has not completed");
        }
        if (!status.incomplete() && leaseToken != null) {
            throw ValidationFailed.of("leaseToken", "an execution that ended " + status + " is not leased");
        }
        if (id != null && id.equals(parentExecutionId)) {
            throw ValidationFailed.of("parentExecutionId", "an execution is not its own parent");
        }
    }

    /** A new PENDING execution of {@code definition}. */
    public static WorkflowExecution start(TenantId tenant, String id, WorkflowDefinition definition, JsonDocument input,
                                          JsonDocument context, String initiatedBy, Set<String> tags,
                                          String parentExecutionId, Instant now) {
        return new WorkflowExecution(tenant, id, definition.id(), definition.name(), definition.version(),
                definition.contentHash(), ExecutionStatus.PENDING, context, input, null, null, null, now, null, null,
                initiatedBy, tags, parentExecutionId, null, null, null, null, null, 0, now, 0);
    }

    /** A new PENDING execution with this one's definition, input and context, linked to it. */
    public WorkflowExecution fork(String newId, String fromStepId, String by, Instant now) {
        return new WorkflowExecution(tenantId, newId, definitionId, workflowName, workflowVersion, contentHash,
                ExecutionStatus.PENDING, context, input, null, null, null, now, null, null, by, tags, parentExecutionId,
                id, fromStepId, null, null, null, 0, now, 0);
    }

    /**
     * Fencing: while the execution is leased only its current token may change it; a token that is not the
     * current one (an earlier claim's, or any when there is no lease) is refused, so a superseded executor
     * cannot record anything.
     */
    public void requireLease(String token) {
        if (leaseToken == null && token == null || leaseToken != null && leaseToken.equals(token)) {
            return;
        }
        if (leaseToken == null) {
            throw new Conflict("execution " + id + " is not leased; the lease token given is not current (a claim "
                    + "it belonged to has ended)");
        }
        throw new Conflict("execution " + id + " is leased to executor '" + executorId + "' until "
                + leaseExpiresAt + (token == null ? "; send its X-Lease-Token"
                : "; the lease token given is not the current one (a newer claim superseded it)"));
    }

    /** The status, stage, output, error and context after a step or an upsert; lease and pinning stay. */
    public WorkflowExecution moved(ExecutionStatus to, String stage, JsonDocument newOutput, String error,
                                   JsonDocument newContext, Instant now) {
        if (!status.canMoveTo(to)) {
            throw new InvalidTransition(ENTITY, id, status, to);
        }
        boolean ends = !to.incomplete();
        return new WorkflowExecution(tenantId, id, definitionId, workflowName, workflowVersion, contentHash, to,
                newContext == null ? context : newContext, input, newOutput, stage, error, createdAt,
                startedAt == null && to != ExecutionStatus.PENDING ? now : startedAt,
                ends ? (status.incomplete() || completedAt == null ? now : completedAt) : null, initiatedBy, tags,
                parentExecutionId, forkedFrom, forkedFromStepId, ends ? null : executorId, ends ? null : leaseToken,
                ends ? null : leaseExpiresAt, recoveryAttempts, now, version);
    }

    /** Leased to {@code executor} with a new token; one more recovery attempt counted. */
    public WorkflowExecution leasedTo(String executor, String token, Duration lease, Instant now) {
        return new WorkflowExecution(tenantId, id, definitionId, workflowName, workflowVersion, contentHash, status,
                context, input, output, currentStage, errorMessage, createdAt, startedAt, completedAt, initiatedBy, tags,
                parentExecutionId, forkedFrom, forkedFromStepId, executor, token, now.plus(lease),
                recoveryAttempts + 1, now, version);
    }

    /** The current lease, longer: each step recorded under it shows the executor is alive. */
    public WorkflowExecution renewed(Duration lease, Instant now) {
        if (leaseToken == null) {
            return this;
        }
        return new WorkflowExecution(tenantId, id, definitionId, workflowName, workflowVersion, contentHash, status,
                context, input, output, currentStage, errorMessage, createdAt, startedAt, completedAt, initiatedBy, tags,
                parentExecutionId, forkedFrom, forkedFromStepId, executorId, leaseToken, now.plus(lease),
                recoveryAttempts, now, version);
    }

    /** FAILED or CANCELLED back to PENDING, steps kept, lease and recovery count cleared. */
    public WorkflowExecution resumed(Instant now) {
        if (status != ExecutionStatus.FAILED && status != ExecutionStatus.CANCELLED) {
            throw new InvalidTransition(ENTITY, id, status, ExecutionStatus.PENDING);
        }
        return new WorkflowExecution(tenantId, id, definitionId, workflowName, workflowVersion, contentHash,
                ExecutionStatus.PENDING, context, input, output, currentStage, null, createdAt, startedAt, null,
                initiatedBy, tags, parentExecutionId, forkedFrom, forkedFromStepId, null, null, null, 0, now, version);
    }

    public boolean leaseExpired(Instant now) {
        return leaseExpiresAt != null && !now.isBefore(leaseExpiresAt);
    }

    public WorkflowExecution withVersion(long newVersion) {
        return new WorkflowExecution(tenantId, id, definitionId, workflowName, workflowVersion, contentHash, status,
                context, input, output, currentStage, errorMessage, createdAt, startedAt, completedAt, initiatedBy, tags,
                parentExecutionId, forkedFrom, forkedFromStepId, executorId, leaseToken, leaseExpiresAt,
                recoveryAttempts, updatedAt, newVersion);
    }
}
