package dev.orchestra.application.workflow;

import dev.orchestra.application.shared.Auditor;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.Texts;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import dev.orchestra.domain.workflow.ExecutionChange;
import dev.orchestra.domain.workflow.ExecutionStatus;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepGraph;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowExecutions;
import dev.orchestra.domain.workflow.WorkflowFields;
import dev.orchestra.domain.workflow.WorkflowStep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The execution use cases. Every change of an execution runs in one unit of work with what goes with it
 * (the step attempt, the definition's usage counts, the audit entry of a status change), and the store runs
 * write units one at a time: two executors claiming at once never get the same execution, and a step
 * recorded under a superseded lease token is refused. Step attempts are history rows of their own and are
 * not copied into the audit log; status changes, claims, cancels, resumes and forks are.
 */
public final class WorkflowRunsService implements WorkflowRuns {
    static final String EXECUTION = WorkflowExecution.ENTITY;
    public static final int DEFAULT_CLAIM = 10;
    public static final int MAX_CLAIM = 500;
    /** Attempts one execution may record; a loop that never ends is a bug, not a workflow. */
    public static final long MAX_STEPS_PER_EXECUTION = 100_000;

    private final UnitOfWork unitOfWork;
    private final WorkflowExecutions executions;
    private final WorkflowDefinitions definitions;
    private final ConstraintCheck constraints;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration leaseDuration;
    private final int maxRecoveryAttempts;
    /** Step ids per definition version: its content never changes, so they are read once. */
    private final Map<String, Set<String>> stepIds = new ConcurrentHashMap<>();

    public WorkflowRunsService(UnitOfWork unitOfWork, WorkflowExecutions executions, WorkflowDefinitions definitions,
                               ConstraintCheck constraints, Auditor auditor, Clock clock, Duration leaseDuration,
                               int maxRecoveryAttempts) {
        this.unitOfWork = unitOfWork;
        this.executions = executions;
        this.definitions = definitions;
        this.constraints = constraints;
        this.auditor = auditor;
        this.clock = clock;
        if (leaseDuration.isNegative() || leaseDuration.isZero() || leaseDuration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("orchestra.workflows.lease-duration must be longer than zero and at "
                    + "most one day, not " + leaseDuration);
        }
        if (maxRecoveryAttempts < 1 || maxRecoveryAttempts > WorkflowExecution.MAX_RECOVERY_ATTEMPTS) {
            throw new IllegalArgumentException("orchestra.workflows.max-recovery-attempts must be 1 to "
                    + WorkflowExecution.MAX_RECOVERY_ATTEMPTS + ", not " + maxRecoveryAttempts);
        }
        this.leaseDuration = leaseDuration;
        this.maxRecoveryAttempts = maxRecoveryAttempts;
    }

    @Override
    public WorkflowExecution start(Caller caller, NewExecution r) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            WorkflowDefinition definition = startable(caller.tenant(), r.definitionId());
            requireParent(caller.tenant(), r.parentExecutionId());
            WorkflowExecution stored = executions.add(constraints.require(WorkflowExecution.start(caller.tenant(),
                    r.id() == null ? Ids.newId() : r.id(), definition, r.input(), r.context(),
                    r.initiatedBy() == null ? caller.userId() : r.initiatedBy(), r.tags(), r.parentExecutionId(),
                    now)));
            definitions.update(definition.counted(1, 0, 0));
            auditor.recorded(caller, EXECUTION, stored.id(), AuditAction.CREATE, pinned(stored));
            return stored;
        });
    }

    @Override
    public Upserted upsert(Caller caller, String id, Long expectedVersion, String leaseToken, ExecutionState s) {
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            WorkflowExecution current = executions.findById(caller.tenant(), id).orElse(null);
            if (current == null) {
                if (s.definitionId() == null) {
                    throw ValidationFailed.of("definitionId", "must not be null for a new execution");
                }
                WorkflowDefinition definition = startable(caller.tenant(), s.definitionId());
                requireParent(caller.tenant(), s.parentExecutionId());
                WorkflowExecution created = WorkflowExecution.start(caller.tenant(), id, definition, s.input(),
                        s.context(), s.initiatedBy() == null ? caller.userId() : s.initiatedBy(), s.tags(),
                        s.parentExecutionId(), now);
                if (s.status() != null || s.currentStage() != null || s.output() != null || s.errorMessage() != null) {
                    created = created.moved(s.status() == null ? ExecutionStatus.PENDING : s.status(),
                            s.currentStage(), s.output(), s.errorMessage(), null, now);
                }
                WorkflowExecution stored = executions.add(constraints.require(created));
                definitions.update(definition.counted(1, ended(null, stored, ExecutionStatus.COMPLETED),
                        ended(null, stored, ExecutionStatus.FAILED)));
                auditor.recorded(caller, EXECUTION, id, AuditAction.CREATE, pinned(stored));
                return new Upserted(stored, true);
            }
            VersionRequired.check(EXECUTION, id, expectedVersion, current.version());
            current.requireLease(leaseToken);
            if (s.definitionId() != null && !s.definitionId().equals(current.definitionId())) {
                throw new Conflict("execution " + id + " is pinned to definition " + current.definitionId()
                        + "; it cannot move to " + s.definitionId());
            }
            if (s.input() != null && !s.input().equals(current.input())) {
                throw new Conflict("the input of execution " + id + " is fixed when it is created; fork it to run "
                        + "with another input");
            }
            if (s.parentExecutionId() != null && !s.parentExecutionId().equals(current.parentExecutionId())) {
                throw new Conflict("the parent of execution " + id + " is fixed when it is created");
            }
            WorkflowExecution next = current.moved(s.status() == null ? current.status() : s.status(),
                    s.currentStage() == null ? current.currentStage() : s.currentStage(),
                    s.output() == null ? current.output() : s.output(),
                    s.errorMessage() == null ? current.errorMessage() : s.errorMessage(), s.context(), now);
            next = retagged(next, s.initiatedBy(), s.tags());
            WorkflowExecution stored = executions.update(constraints.require(next));
            countEnd(caller.tenant(), current, stored);
            auditor.changed(caller, EXECUTION, id, AuditAction.UPDATE, current, stored);
            return new Upserted(stored, false);
        });
    }

    @Override
    public ExecutionView get(Caller caller, String id) {
        return unitOfWork.read(() -> {
            WorkflowExecution e = executions.findById(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(EXECUTION, id));
            return new ExecutionView(e, executions.steps(caller.tenant(), id));
        });
    }

    @Override
    public Page<WorkflowExecution> list(Caller caller, List<ExecutionStatus> status, boolean incomplete, String name,
                                        PageRequest<WorkflowExecution> page) {
        Specification<WorkflowExecution> where = Specification.all();
        if (status != null && !status.isEmpty()) {
            where = where.and(WorkflowFields.Execution.STATUS.in(status));
        }
        if (incomplete) {
            where = where.and(WorkflowFields.Execution.STATUS.in(List.copyOf(ExecutionStatus.INCOMPLETE)));
        }
        if (name != null) {
            where = where.and(WorkflowFields.Execution.WORKFLOW_NAME.eq(name));
        }
        // Incomplete ones in the order recovery takes them; otherwise the newest first.
        PageRequest<WorkflowExecution> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(incomplete ? WorkflowFields.Execution.CREATED_AT.asc()
                        : WorkflowFields.Execution.CREATED_AT.desc())) : page;
        Specification<WorkflowExecution> filter = where;
        return unitOfWork.read(() -> executions.find(caller.tenant(), filter, ordered));
    }

    @Override
    public Recorded recordStep(Caller caller, String executionId, String leaseToken, StepReport r) {
        if (r.stepId() == null || r.status() == null) {
            throw ValidationFailed.of(r.stepId() == null ? "stepId" : "status", "must not be null");
        }
        // What the caller sent is checked on its own thread, before the write; the unit then only composes
        // checked parts (the store's writer is one thread: it should not spend itself on validation).
        Instant sent = clock.instant();
        StepExecution checked = constraints.require(new StepExecution(caller.tenant(), executionId, r.stepId(),
                r.attempt(), 1, r.status(), r.input(), r.output(), r.error(), r.startedAt() == null ? sent
                : r.startedAt(), r.status().ended() ? (r.completedAt() == null ? sent : r.completedAt())
                : r.completedAt(), sent));
        ExecutionChange change = r.execution() == null ? ExecutionChange.NONE
                : constraints.require(r.execution());
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            WorkflowExecution execution = executions.findById(caller.tenant(), executionId)
                    .orElseThrow(() -> new NotFound(EXECUTION, executionId));
            execution.requireLease(leaseToken);
            requireStepOf(execution, r.stepId());
            StepExecution last = executions.lastAttempt(caller.tenant(), executionId, r.stepId()).orElse(null);
            StepExecution earlier = last == null || r.attempt() >= last.attempt() ? last
                    : executions.steps(caller.tenant(), executionId).stream()
                    .filter(s -> s.stepId().equals(r.stepId()) && s.attempt() == r.attempt()).findFirst().orElse(null);
            boolean sameAttempt = earlier != null && earlier.attempt() == r.attempt();
            // Times default to when the unit runs; a RUNNING attempt reported again keeps its start.
            StepExecution reported = new StepExecution(caller.tenant(), executionId, r.stepId(), r.attempt(), 1,
                    r.status(), r.input(), r.output(), r.error(), r.startedAt() != null ? r.startedAt()
                    : sameAttempt ? earlier.startedAt() : now, r.status().ended() ? (r.completedAt() == null ? now
                    : r.completedAt()) : null, now);
            if (sameAttempt && earlier.status().ended()) {
                // A retried call: the same result is answered as stored; another one is refused.
                earlier.then(reported);
                return new Recorded(earlier, execution, true);
            }
            if (!execution.status().incomplete()) {
                throw new InvalidTransition("execution " + executionId + " is " + execution.status()
                        + "; it records no more steps (resume it first)");
            }
            StepExecution stored;
            if (sameAttempt) {
                stored = executions.updateStep(earlier.then(reported));
            } else {
                int expected = last == null ? 1 : last.attempt() + 1;
                if (r.attempt() != expected) {
                    throw ValidationFailed.of("attempt", "step '" + r.stepId() + "' of execution " + executionId
                            + (last == null ? " has no attempt yet; the first is 1" : " has attempts up to "
                            + last.attempt() + "; the next is " + expected) + ", not " + r.attempt());
                }
                if (last != null && last.status() == StepStatus.COMPLETED) {
                    throw new Conflict("step '" + r.stepId() + "' of execution " + executionId + " completed at attempt "
                            + last.attempt() + "; fork the execution from it to run it again");
                }
                stored = executions.appendStep(reported);
                if (stored.position() > MAX_STEPS_PER_EXECUTION) {
                    // Thrown inside the unit, so the attempt just appended is rolled back with it.
                    throw new Conflict("execution " + executionId + " has recorded " + MAX_STEPS_PER_EXECUTION
                            + " step attempts, the most one execution keeps");
                }
            }
            // A step means the execution runs, unless the report says where it is now.
            WorkflowExecution next = execution.moved(change.status() != null ? change.status()
                            : ExecutionStatus.RUNNING, change.currentStage() == null ? r.stepId() : change.currentStage(),
                    change.output() == null ? execution.output() : change.output(),
                    change.errorMessage() == null ? execution.errorMessage() : change.errorMessage(), change.context(),
                    now).renewed(leaseDuration, now);
            WorkflowExecution saved = executions.update(next);
            countEnd(caller.tenant(), execution, saved);
            if (saved.status() != execution.status()) {
                auditor.recorded(caller, EXECUTION, executionId, AuditAction.UPDATE, Map.of("status",
                        saved.status().name(), "previousStatus", execution.status().name(), "step", r.stepId()));
            }
            return new Recorded(stored, saved, false);
        });
    }

    @Override
    public List<WorkflowExecution> claimForRecovery(Caller caller, String executorId, Integer limit) {
        if (executorId == null || executorId.isBlank() || executorId.length() > 255
                || Texts.problemWith(executorId, false) != null) {
            throw ValidationFailed.of("executorId", "must be 1 to 255 characters without control characters");
        }
        int wanted = limit == null ? DEFAULT_CLAIM : limit;
        if (wanted < 1 || wanted > MAX_CLAIM) {
            throw ValidationFailed.of("limit", "must be between 1 and " + MAX_CLAIM + ", not " + wanted);
        }
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            List<WorkflowExecution> leased = new ArrayList<>();
            while (leased.size() < wanted) {
                List<WorkflowExecution> due = executions.claimable(caller.tenant(), now, wanted - leased.size());
                if (due.isEmpty()) {
                    break;
                }
                for (WorkflowExecution e : due) {
                    if (e.recoveryAttempts() >= maxRecoveryAttempts) {
                        String reason = "recovery gave up after " + e.recoveryAttempts() + " attempts (the most "
                                + "orchestra.workflows.max-recovery-attempts allows is " + maxRecoveryAttempts + ")";
                        WorkflowExecution failed = executions.update(e.moved(ExecutionStatus.FAILED, e.currentStage(),
                                e.output(), reason, null, now));
                        countEnd(caller.tenant(), e, failed);
                        auditor.recorded(caller, EXECUTION, e.id(), AuditAction.UPDATE, Map.of("status",
                                "FAILED", "previousStatus", e.status().name(), "reason", reason));
                        continue;
                    }
                    WorkflowExecution claimed = executions.update(e.leasedTo(executorId, UUID.randomUUID().toString(),
                            leaseDuration, now));
                    auditor.recorded(caller, EXECUTION, e.id(), AuditAction.UPDATE, Map.of("executorId", executorId,
                            "recoveryAttempts", claimed.recoveryAttempts(), "leaseExpiresAt",
                            claimed.leaseExpiresAt().toString()));
                    leased.add(claimed);
                }
            }
            return leased;
        });
    }

    @Override
    public WorkflowExecution cancel(Caller caller, String id) {
        return unitOfWork.write(() -> {
            WorkflowExecution current = executions.findById(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(EXECUTION, id));
            if (!current.status().incomplete()) {
                throw new InvalidTransition(EXECUTION, id, current.status(), ExecutionStatus.CANCELLED);
            }
            WorkflowExecution stored = executions.update(current.moved(ExecutionStatus.CANCELLED,
                    current.currentStage(), current.output(), current.errorMessage(), null, clock.instant()));
            auditor.changed(caller, EXECUTION, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public WorkflowExecution resume(Caller caller, String id) {
        return unitOfWork.write(() -> {
            WorkflowExecution current = executions.findById(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(EXECUTION, id));
            WorkflowExecution stored = executions.update(current.resumed(clock.instant()));
            auditor.changed(caller, EXECUTION, id, AuditAction.UPDATE, current, stored);
            return stored;
        });
    }

    @Override
    public ExecutionView fork(Caller caller, String id, String fromStepId, String newId) {
        if (fromStepId == null) {
            throw ValidationFailed.of("fromStepId", "must not be null");
        }
        return unitOfWork.write(() -> {
            Instant now = clock.instant();
            WorkflowExecution source = executions.findById(caller.tenant(), id)
                    .orElseThrow(() -> new NotFound(EXECUTION, id));
            WorkflowDefinition definition = definitions.findById(caller.tenant(), source.definitionId())
                    .orElseThrow(() -> new NotFound(WorkflowDefinition.ENTITY, source.definitionId()));
            Set<String> before = StepGraph.before(definition.steps(), fromStepId);
            WorkflowExecution fork = executions.add(constraints.require(source.fork(newId == null ? Ids.newId() : newId,
                    fromStepId, caller.userId(), now)));
            List<StepExecution> copied = new ArrayList<>();
            for (StepExecution s : executions.steps(caller.tenant(), id)) {
                // Results only: an attempt still RUNNING in the source is not a result to start from.
                if (before.contains(s.stepId()) && s.status().ended()) {
                    copied.add(executions.addStep(new StepExecution(caller.tenant(), fork.id(), s.stepId(),
                            s.attempt(), copied.size() + 1, s.status(), s.input(), s.output(), s.error(),
                            s.startedAt(), s.completedAt(), now)));
                }
            }
            definitions.update(definition.counted(1, 0, 0));
            Map<String, Object> values = new LinkedHashMap<>(pinned(fork));
            values.put("forkedFrom", id);
            values.put("fromStepId", fromStepId);
            values.put("copiedAttempts", copied.size());
            auditor.recorded(caller, EXECUTION, fork.id(), AuditAction.CREATE, values);
            return new ExecutionView(fork, copied);
        });
    }

    private WorkflowDefinition startable(TenantId tenant, String definitionId) {
        if (definitionId == null) {
            throw ValidationFailed.of("definitionId", "must not be null");
        }
        WorkflowDefinition definition = definitions.findById(tenant, definitionId).orElseThrow(() ->
                ValidationFailed.of("definitionId", "there is no workflow definition '" + definitionId + "'"));
        if (!definition.active()) {
            throw new Conflict("workflow definition " + definitionId + " is not active");
        }
        return definition;
    }

    private void requireParent(TenantId tenant, String parentExecutionId) {
        if (parentExecutionId != null && executions.findById(tenant, parentExecutionId).isEmpty()) {
            throw ValidationFailed.of("parentExecutionId", "there is no execution '" + parentExecutionId + "'");
        }
    }

    private void requireStepOf(WorkflowExecution execution, String stepId) {
        String key = execution.tenantId().value() + "\u0000" + execution.definitionId();
        Set<String> ids = stepIds.get(key);
        if (ids == null) {
            WorkflowDefinition definition = definitions.findById(execution.tenantId(), execution.definitionId())
                    .orElse(null);
            if (definition == null) {
                return;
            }
            ids = definition.steps().stream().map(WorkflowStep::id).collect(Collectors.toUnmodifiableSet());
            if (stepIds.size() > 10_000) {
                stepIds.clear();
            }
            stepIds.put(key, ids);
        }
        if (!ids.contains(stepId)) {
            throw ValidationFailed.of("stepId", "'" + stepId + "' is not a step of workflow '"
                    + execution.workflowName() + "' " + execution.workflowVersion());
        }
    }

    /** Counts an execution that has just ended (or was created ended) in its definition's usage. */
    private void countEnd(TenantId tenant, WorkflowExecution before, WorkflowExecution after) {
        long completed = ended(before, after, ExecutionStatus.COMPLETED);
        long failed = ended(before, after, ExecutionStatus.FAILED);
        if (completed + failed == 0) {
            return;
        }
        definitions.findById(tenant, after.definitionId())
                .ifPresent(d -> definitions.update(d.counted(0, completed, failed)));
    }

    private static long ended(WorkflowExecution before, WorkflowExecution after, ExecutionStatus as) {
        boolean wasOpen = before == null || before.status().incomplete();
        return wasOpen && after.status() == as ? 1 : 0;
    }

    private static WorkflowExecution retagged(WorkflowExecution e, String initiatedBy, Set<String> tags) {
        if (initiatedBy == null && tags == null) {
            return e;
        }
        return new WorkflowExecution(e.tenantId(), e.id(), e.definitionId(), e.workflowName(), e.workflowVersion(),
                e.contentHash(), e.status(), e.context(), e.input(), e.output(), e.currentStage(), e.errorMessage(),
                e.createdAt(), e.startedAt(), e.completedAt(), initiatedBy == null ? e.initiatedBy() : initiatedBy,
                tags == null ? e.tags() : tags, e.parentExecutionId(), e.forkedFrom(), e.forkedFromStepId(),
                e.executorId(), e.leaseToken(), e.leaseExpiresAt(), e.recoveryAttempts(), e.updatedAt(), e.version());
    }

    private static Map<String, Object> pinned(WorkflowExecution e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("definitionId", e.definitionId());
        values.put("workflowName", e.workflowName());
        values.put("workflowVersion", e.workflowVersion());
        values.put("contentHash", e.contentHash());
        values.put("status", e.status().name());
        values.put("parentExecutionId", e.parentExecutionId());
        return values;
    }
}
