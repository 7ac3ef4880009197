package dev.orchestra.application.workflow;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.workflow.ExecutionChange;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowExecution;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Inbound port: workflow executions, the steps they record, and their recovery after a restart. A step's
 * attempt and the execution's new state are saved in one unit of work; while an execution is leased,
 * only the holder of its current lease token may change it.
 */
public interface WorkflowRuns {
    record NewExecution(String id, String definitionId, JsonDocument input, JsonDocument context, String initiatedBy,
                        Set<String> tags, String parentExecutionId) {
    }

    /** The whole state a PUT gives; null keeps the stored value (or, for a new execution, its default). */
    record ExecutionState(String definitionId, ExecutionStatus status, JsonDocument context, JsonDocument input,
                          JsonDocument output, String currentStage, String errorMessage, String initiatedBy,
                          Set<String> tags, String parentExecutionId) {
    }

    record StepReport(String stepId, int attempt, StepStatus status, JsonDocument input, JsonDocument output,
                      String error, Instant startedAt, Instant completedAt, ExecutionChange execution) {
    }

    /** An execution with its step attempts in recording order. */
    record ExecutionView(WorkflowExecution execution, List<StepExecution> steps) {
    }

    /** The stored attempt and the execution after it; {@code replayed} when it was already recorded so. */
    record Recorded(StepExecution step, WorkflowExecution execution, boolean replayed) {
    }

    record Upserted(WorkflowExecution execution, boolean created) {
    }

    /** A new PENDING execution pinned to the definition's id, version and content hash. */
    WorkflowExecution start(Caller caller, NewExecution request);

    /** Creates the execution, or replaces its state when {@code expectedVersion} matches (required then). */
    Upserted upsert(Caller caller, String id, Long expectedVersion, String leaseToken, ExecutionState state);

    ExecutionView get(Caller caller, String id);

    /** Filtered by status, name; {@code incomplete} keeps PENDING, RUNNING and BLOCKED, oldest first. */
    Page<WorkflowExecution> list(Caller caller, List<ExecutionStatus> status, boolean incomplete, String name,
                                 PageRequest<WorkflowExecution> page);

    /**
     * Records one attempt of one step and the execution's new state together. Without a status of its own
     * the execution goes from PENDING or BLOCKED to RUNNING and its stage becomes the step. The same ended
     * attempt again with the same result is answered as stored; with another result it is a conflict.
     */
    Recorded recordStep(Caller caller, String executionId, String leaseToken, StepReport report);

    /**
     * Leases up to {@code limit} incomplete executions without a live lease to {@code executorId}, oldest
     * first, each with a new token; one past the maximum recovery attempts becomes FAILED instead.
     */
    List<WorkflowExecution> claimForRecovery(Caller caller, String executorId, Integer limit);

    WorkflowExecution cancel(Caller caller, String id);

    WorkflowExecution resume(Caller caller, String id);

    /** A new execution of the same definition and input with the attempts of the steps before the given one. */
    ExecutionView fork(Caller caller, String id, String fromStepId, String newId);
}
