package dev.orchestra.application.integrity;

import dev.orchestra.application.maintenance.StoreBackups;
import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.agent.Agent;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.integrity.Finding;
import dev.orchestra.domain.integrity.IntegrityRule;
import dev.orchestra.domain.integrity.Severity;
import dev.orchestra.domain.maintenance.BackupManifest;
import dev.orchestra.domain.maintenance.BackupTrigger;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.repository.CodeRepository;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.store.Store;
import dev.orchestra.domain.task.Task;
import dev.orchestra.domain.task.TaskFields;
import dev.orchestra.domain.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repairs of DOMAIN.md that mend rows without deleting history: an active task of a missing agent goes
 * back to PENDING; a preference of a missing agent or repository, which applies to nothing, is removed (its
 * values stay in the audit entry); the newest task of a parent cycle loses its parent; an agent's completed
 * counter is recounted from its tasks; a task's moments are put in order; a repository whose successful +
 * failed exceed its total gets the total raised; an OPEN circuit past its reset goes HALF_OPEN and an approval
 * past its expiry expires, as their sweeps do in the service. The rest is reported.
 */
public final class StoreRepairService implements StoreRepair {
    private final Store store;
    private final StoreIntegrity integrity;
    private final StoreBackups backups;
    private final Auditor auditor;
    private final Clock clock;

    public StoreRepairService(Store store, StoreIntegrity integrity, StoreBackups backups, Auditor auditor,
                              Clock clock) {
        this.store = store;
        this.integrity = integrity;
        this.backups = backups;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public Report repair(boolean dryRun) {
        StoreIntegrity.Report before = integrity.check(false);
        UnitOfWork unitOfWork = store.unitOfWork();
        List<Finding> unrepaired = new ArrayList<>();
        List<Change> planned = unitOfWork.read(() -> plan(before.findings(), unrepaired));
        if (dryRun) {
            return new Report(true, null, planned, unrepaired, before);
        }
        BackupManifest backup = backups.take(BackupTrigger.BEFORE_REPAIR);
        if (!backup.verified()) {
            throw new Conflict("the backup before the repair did not verify (" + backup.problem() + "); nothing was"
                    + " repaired");
        }
        List<Change> made = unitOfWork.write(() -> apply(before.findings(), clock.instant()));
        return new Report(false, backup.id(), made, unrepaired, integrity.check(false));
    }

    /** What {@link #apply} would do, read-only. */
    private List<Change> plan(List<Finding> findings, List<Finding> unrepaired) {
        List<Change> changes = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Change> change = change(f, null);
            change.ifPresent(changes::add);
            if (change.isEmpty() && f.severity() == Severity.ERROR) {
                unrepaired.add(f);
            }
        }
        return changes;
    }

    private List<Change> apply(List<Finding> findings, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Finding f : findings) {
            change(f, now).ifPresent(changes::add);
        }
        return changes;
    }

    /** The change a finding calls for; made when {@code now} is given, only described when it is null. */
    private Optional<Change> change(Finding f, Instant now) {
        if (f.tenant() == null || f.ids().isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = f.tenant();
        Caller repair = new Caller(tenant, "repair");
        switch (f.rule()) {
            case TASK_AGENT_MISSING -> {
                Task task = store.tasks().findById(tenant, f.ids().get(0)).orElse(null);
                if (task == null || !task.status().isActive()) {
                    return Optional.empty(); // a finished task keeps the agent it ran on: history
                }
                if (now != null) {
                    Task saved = store.tasks().update(task.requeueLost(now));
                    auditor.changed(repair, Task.ENTITY, task.id(), AuditAction.REPAIR, task, saved);
                }
                return Optional.of(new Change(f.rule(), "Task", tenant.value(), task.id(),
                        "back to PENDING: its agent " + task.agentId() + " does not exist"));
            }
            case PREFERENCE_TARGET_MISSING -> {
                Optional<UserPreference> found = store.preferences().find(tenant, Specification.all()).stream()
                        .filter(p -> p.id().equals(f.ids().get(0))).findFirst();
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                UserPreference p = found.get();
                if (now != null) {
                    store.preferences().remove(tenant, p.id(), p.version());
                    auditor.recorded(repair, UserPreference.ENTITY, p.id(), AuditAction.REPAIR, Map.of("removed",
                            p.key() + "=" + (p.sensitive() ? "(sensitive)" : p.value()), "why", f.message()));
                }
                return Optional.of(new Change(f.rule(), "UserPreference", tenant.value(), p.id(),
                        "removed: it applies to nothing (" + f.message() + ")"));
            }
            case TASK_PARENT_CYCLE -> {
                Optional<Task> newest = f.ids().stream().map(id -> store.tasks().findById(tenant, id))
                        .flatMap(Optional::stream)
                        .max(Comparator.comparing(Task::createdAt).thenComparing(Task::id));
                if (newest.isEmpty()) {
                    return Optional.empty();
                }
                Task task = newest.get();
                if (now != null) {
                    Task saved = store.tasks().update(task.withoutParent(now));
                    auditor.changed(repair, Task.ENTITY, task.id(), AuditAction.REPAIR, task, saved);
                }
                return Optional.of(new Change(f.rule(), "Task", tenant.value(), task.id(),
                        "no longer a child of " + task.parentTaskId() + " (the newest link of the cycle)"));
            }
            case AGENT_COUNTERS -> {
                Agent agent = store.agents().findIncludingDeleted(tenant, f.ids().get(0)).orElse(null);
                if (agent == null) {
                    return Optional.empty();
                }
                long completed = store.tasks().count(tenant, TaskFields.AGENT_ID.eq(agent.id())
                        .and(TaskFields.STATUS.eq(TaskStatus.COMPLETED)));
                if (now != null) {
                    Agent saved = store.agents().recordState(agent.withCompletedCount(completed, now));
                    auditor.changed(repair, Agent.ENTITY, agent.id(), AuditAction.REPAIR, agent, saved);
                }
                return Optional.of(new Change(f.rule(), "Agent", tenant.value(), agent.id(),
                        "completed counter " + agent.statistics().completed() + " -> " + completed));
            }
            case TIMESTAMPS_OUT_OF_ORDER -> {
                // Tasks are mended; the other kinds' moments are reported for a person to judge.
                if (!"Task".equals(f.entityType())) {
                    return Optional.empty();
                }
                Task task = store.tasks().findById(tenant, f.ids().get(0)).orElse(null);
                if (task == null) {
                    return Optional.empty();
                }
                if (now != null) {
                    Task saved = store.tasks().update(task.withTimesInOrder(now));
                    auditor.changed(repair, Task.ENTITY, task.id(), AuditAction.REPAIR, task, saved);
                }
                return Optional.of(new Change(f.rule(), "Task", tenant.value(), task.id(),
                        "moments put in order, each moved up to the one it follows (" + f.message() + ")"));
            }
            case REPOSITORY_STATISTICS -> {
                CodeRepository repository = store.repositories().findById(tenant, f.ids().get(0)).orElse(null);
                if (repository == null) {
                    return Optional.empty();
                }
                if (now != null) {
                    CodeRepository saved = store.repositories().update(repository.withConsistentStatistics(now));
                    auditor.changed(repair, CodeRepository.ENTITY, repository.id(), AuditAction.REPAIR, repository,
                            saved);
                }
                return Optional.of(new Change(f.rule(), "CodeRepository", tenant.value(), repository.id(),
                        "total raised to successful + failed ("
                                + (repository.statistics().successfulTasks() + repository.statistics().failedTasks())
                                + "); the counts are kept"));
            }
            case TASK_COUNTERS -> {
                if (now != null) {
                    store.tasks().rebuildCounts(tenant);
                    auditor.recorded(repair, "TaskCounts", tenant.value(), AuditAction.REPAIR,
                            Map.of("rebuilt", f.ids(), "why", f.message()));
                }
                return Optional.of(new Change(f.rule(), "TaskCounts", tenant.value(), f.ids().get(0),
                        "the tenant's hourly counters counted again from its tasks (" + f.message() + ")"));
            }
            case CIRCUIT_PAST_RESET -> {
                // What the recovery sweep does in the service; a store repaired offline has no sweep.
                var breaker = store.circuitBreakers().findByKey(tenant, f.ids().get(0)).orElse(null);
                Instant at = now != null ? now : clock.instant();
                if (breaker == null || breaker.state() != dev.orchestra.domain.resilience.CircuitState.OPEN
                        || breaker.resetAt().isAfter(at)) {
                    return Optional.empty();
                }
                if (now != null) {
                    var moved = breaker.recover(now, "repair");
                    var saved = store.circuitBreakers().update(moved.breaker());
                    moved.transitions().forEach(store.circuitBreakers()::append);
                    auditor.changed(repair, dev.orchestra.domain.resilience.CircuitBreaker.ENTITY, breaker.agentKey(),
                            AuditAction.REPAIR, breaker, saved);
                }
                return Optional.of(new Change(f.rule(), "CircuitBreaker", tenant.value(), breaker.agentKey(),
                        "OPEN past its reset time " + breaker.resetAt() + ": HALF_OPEN, a trial call may go"));
            }
            case APPROVAL_OVERDUE -> {
                var execution = store.toolExecutions().find(tenant, f.ids().get(0)).orElse(null);
                if (execution == null
                        || execution.status() != dev.orchestra.domain.chat.ToolExecutionStatus.AWAITING_APPROVAL) {
                    return Optional.empty();
                }
                if (now != null) {
                    var saved = store.toolExecutions().update(execution.expired(now));
                    auditor.changed(repair, dev.orchestra.domain.chat.ToolExecution.ENTITY, execution.id(),
                            AuditAction.REPAIR, execution, saved);
                }
                return Optional.of(new Change(f.rule(), "ToolExecution", tenant.value(), execution.id(),
                        "its approval expired at " + execution.approval().expiresAt() + ": CANCELLED, EXPIRED"));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
