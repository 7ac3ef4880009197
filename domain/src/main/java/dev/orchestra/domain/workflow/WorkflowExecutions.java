package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Workflow executions and the attempts of their steps. Call inside a {@code UnitOfWork}. */
public interface WorkflowExecutions {
    Optional<WorkflowExecution> findById(TenantId tenant, String id);

    /** Stores a new execution; an existing id is a {@code Conflict}. */
    WorkflowExecution add(WorkflowExecution execution);

    /** Version-checked; a stale version is a {@code Conflict}, an unknown id {@code NotFound}. */
    WorkflowExecution update(WorkflowExecution execution);

    Page<WorkflowExecution> find(TenantId tenant, Specification<WorkflowExecution> where,
                                 PageRequest<WorkflowExecution> page);

    /**
     * Incomplete executions (PENDING, RUNNING, BLOCKED) whose lease is absent or expired at {@code now},
     * oldest first (created, then id): what a recovery claim takes.
     */
    List<WorkflowExecution> claimable(TenantId tenant, Instant now, int limit);

    /** The attempts of an execution's steps, in the order they were recorded. */
    List<StepExecution> steps(TenantId tenant, String executionId);

    /** The highest attempt of one step of an execution, if it has any. */
    Optional<StepExecution> lastAttempt(TenantId tenant, String executionId, String stepId);

    /**
     * Appends an attempt after the execution's others: the store gives it the next position (the one the
     * attempt carries is ignored) and answers it as stored; the same (execution, step, attempt) again is a
     * {@code Conflict}.
     */
    StepExecution appendStep(StepExecution step);

    /** Stores an attempt at the position it carries (copies, forks); a taken key or position is a {@code Conflict}. */
    StepExecution addStep(StepExecution step);

    /** Replaces a RUNNING attempt's state (same execution, step and attempt); {@code NotFound} if absent. */
    StepExecution updateStep(StepExecution step);

    /** Every attempt of a tenant, for whole-store jobs (copy, counts). */
    Page<StepExecution> findSteps(TenantId tenant, Specification<StepExecution> where,
                                  PageRequest<StepExecution> page);
}
