package dev.orchestra.domain.task;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The task queue and its history. Call inside a {@code UnitOfWork}. */
public interface Tasks {
    Optional<Task> findById(TenantId tenant, String id);

    /** Which of {@code ids} the tenant's tasks already use: one look-up for a whole batch. */
    Set<String> existingIds(TenantId tenant, Collection<String> ids);

    /** Stores a new task as given; an existing id is a {@code Conflict}, a missing parent a {@code NotFound}. */
    Task add(Task task);

    /** Stores all or none (the caller's unit of work decides); returns them in order. */
    List<Task> addAll(List<Task> tasks);

    /** Writes the task if its version is still current and returns it at the next version; else {@code Conflict}. */
    Task update(Task task);

    Page<Task> find(TenantId tenant, Specification<Task> where, PageRequest<Task> page);

    long count(TenantId tenant, Specification<Task> where);

    /** The agent's ASSIGNED and IN_PROGRESS tasks: asked on every claim and completion, so a store may answer it faster. */
    default long countActive(TenantId tenant, String agentId) {
        return count(tenant, TaskFields.AGENT_ID.eq(agentId).and(TaskFields.STATUS.in(java.util.List.copyOf(
                TaskStatus.ACTIVE))));
    }

    /** Count and summed execution time of the matching tasks, computed by the store, not by loading rows. */
    TaskTotals totals(TenantId tenant, Specification<Task> where);

    /** Matching tasks per creation day (UTC) and status, ordered by day then status. */
    List<TaskCounts.Daily> countByDayAndStatus(TenantId tenant, Specification<Task> where);

    /**
     * Tasks created in whole UTC hours [{@code from}, {@code to}) per hour and status, with their summed execution
     * time; a store may answer from counters it keeps with the tasks, so the cost follows the hours, not the tasks.
     */
    List<TaskCounts.Hourly> countByHour(TenantId tenant, java.time.Instant from, java.time.Instant to);

    /** Counts the tenant's tasks again into the counters {@link #countByHour} reads, where the store keeps any. */
    void rebuildCounts(TenantId tenant);

    /** Matching tasks per agent id and status, ordered by agent id (absent first) then status. */
    List<TaskCounts.Grouped> countByAgentAndStatus(TenantId tenant, Specification<Task> where);

    /** Matching tasks per repository id and status, ordered by repository id (absent first) then status. */
    List<TaskCounts.Grouped> countByRepositoryAndStatus(TenantId tenant, Specification<Task> where);

    /**
     * The PENDING task an agent should take next: highest priority, then oldest, then lowest id; on
     * {@code repositoryPath} when given, else on any path. Never a container, nor a step of a container
     * while a step before it (a lower workflowStep) is not COMPLETED. Only a write unit of work may act on it,
     * and units of work are serialised, so two claims never see the same task as free.
     */
    Optional<Task> nextClaimable(TenantId tenant, String repositoryPath);

    /** Number of ASSIGNED or IN_PROGRESS tasks per agent id (agents without any are absent). */
    Map<String, Long> activeTaskCounts(TenantId tenant);

    /** The task and all its descendants through parentTaskId, parents before children. */
    List<Task> tree(TenantId tenant, String rootId);
}
