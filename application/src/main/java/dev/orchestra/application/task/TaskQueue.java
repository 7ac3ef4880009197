package dev.orchestra.application.task;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.shared.Field;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskPriority;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Inbound port: the task queue, its transitions and its history. */
public interface TaskQueue {
    int MAX_BATCH = 10_000;

    /** Filters of a listing; null or empty means "any". */
    record TaskQuery(Set<TaskStatus> statuses, String agentId, String repositoryId, String repositoryPath,
                     String correlationId, Instant createdFrom, Instant createdTo, TaskPriority priority,
                     String workflowId, String parentTaskId) {
        /** The filters as a specification; an absent or blank one matches every task. */
        public Specification<Task> toSpecification() {
            Specification<Task> where = Specification.all();
            if (statuses != null && !statuses.isEmpty()) {
                where = where.and(TaskFields.STATUS.in(List.copyOf(statuses)));
            }
            where = eqIfPresent(where, TaskFields.AGENT_ID, agentId);
            where = eqIfPresent(where, TaskFields.REPOSITORY_ID, repositoryId);
            where = eqIfPresent(where, TaskFields.REPOSITORY_PATH, repositoryPath);
            where = eqIfPresent(where, TaskFields.CORRELATION_ID, correlationId);
            where = eqIfPresent(where, TaskFields.WORKFLOW_ID, workflowId);
            where = eqIfPresent(where, TaskFields.PARENT_TASK_ID, parentTaskId);
            if (priority != null) {
                where = where.and(TaskFields.PRIORITY.eq(priority));
            }
            if (createdFrom != null) {
                where = where.and(TaskFields.CREATED_AT.atOrAfter(createdFrom));
            }
            if (createdTo != null) {
                where = where.and(TaskFields.CREATED_AT.before(createdTo));
            }
            return where;
        }

        private static Specification<Task> eqIfPresent(Specification<Task> where, Field<Task, String> field,
                                                       String value) {
            return value == null || value.isBlank() ? where : where.and(field.eq(value));
        }
    }

    Task enqueue(Caller caller, Task.NewTask request);

    /** All or nothing: one invalid task (each reported as {@code tasks[i].field}) rejects the batch. */
    List<Task> enqueueBatch(Caller caller, List<Task.NewTask> requests);

    /**
     * Gives the agent the highest-priority, oldest PENDING task on its repository path (on any path
     * when {@code anyRepository}); empty when there is none. The task carries a new lease.
     */
    default Optional<Task> claim(Caller caller, String agentId, boolean anyRepository) {
        return claim(caller, agentId, anyRepository, false);
    }

    /**
     * As {@link #claim(Caller, String, boolean)}; with {@code start} the task is started in the same unit
     * (IN_PROGRESS under its new lease), for agents that begin at once: one call and one audit entry
     * instead of two.
     */
    Optional<Task> claim(Caller caller, String agentId, boolean anyRepository, boolean start);

    /** A completed task, and the task its agent claimed next in the same unit (empty when none was free). */
    record Handoff(Task completed, Optional<Task> next) {
    }

    /**
     * Completes the task as {@link #complete} does and, in the same unit, claims the agent's next task as
     * {@link #claim(Caller, String, boolean, boolean)} does: an agent's whole loop costs one unit per task.
     * No next task is claimed when the agent may not take more work (it is not IDLE or BUSY, or at its
     * limit); that is not an error, the completion stands.
     */
    Handoff completeAndClaimNext(Caller caller, String taskId, String leaseToken, String result,
                                 boolean anyRepository, boolean start);

    /** Agent calls: each must present the current lease token of the task. */
    Task start(Caller caller, String taskId, String leaseToken);

    Task reportProgress(Caller caller, String taskId, String leaseToken, int percentage, String message);

    Task complete(Caller caller, String taskId, String leaseToken, String result);

    /** Fails the task; with {@code retry} it goes back to PENDING at once (retryCount + 1). */
    Task fail(Caller caller, String taskId, String leaseToken, String errorMessage, boolean retry);

    /** Operator calls: no lease needed. */
    Task cancel(Caller caller, String taskId);

    Task retry(Caller caller, String taskId);

    Task unassign(Caller caller, String taskId);

    Task get(Caller caller, String taskId);

    Page<Task> list(Caller caller, TaskQuery query, PageRequest<Task> page);

    /** The task and its descendants, parents first. */
    List<Task> tree(Caller caller, String rootId);

    /** IN_PROGRESS tasks started longer ago than the threshold, oldest first. */
    List<Task> longRunning(Caller caller, Duration threshold);
}
