package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.workflow.StepExecution;
import dev.orchestra.domain.workflow.StepStatus;
import dev.orchestra.domain.workflow.WorkflowExecution;
import dev.orchestra.domain.workflow.WorkflowExecutions;
import dev.orchestra.domain.workflow.WorkflowFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link WorkflowExecutions} in the JSON document's {@code Orchestra} section. Attempts are keyed by
 * execution, step and attempt; listing one execution's attempts scans the tenant's (this store is for
 * small installations and for going back to the old program, not for volume).
 */
final class JsonWorkflowExecutions implements WorkflowExecutions {
    private static final String EXECUTION = WorkflowExecution.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonWorkflowExecutions(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    static String key(StepExecution s) {
        return key(s.executionId(), s.stepId(), s.attempt());
    }

    private static String key(String executionId, String stepId, int attempt) {
        return executionId + "/" + stepId + "/" + attempt;
    }

    @Override
    public Optional<WorkflowExecution> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).workflowExecutions.get(id));
    }

    @Override
    public WorkflowExecution add(WorkflowExecution execution) {
        door.check(EXECUTION, execution);
        JsonState.TenantData data = unitOfWork.state().mutable(execution.tenantId());
        if (data.workflowExecutions.containsKey(execution.id())) {
            throw Conflict.alreadyExists(EXECUTION, execution.id());
        }
        data.workflowExecutions.put(execution.id(), execution);
        return execution;
    }

    @Override
    public WorkflowExecution update(WorkflowExecution execution) {
        door.check(EXECUTION, execution);
        JsonState.TenantData data = unitOfWork.state().mutable(execution.tenantId());
        WorkflowExecution current = data.workflowExecutions.get(execution.id());
        if (current == null) {
            throw new NotFound(EXECUTION, execution.id());
        }
        if (current.version() != execution.version()) {
            throw Conflict.staleVersion(EXECUTION, execution.id(), execution.version());
        }
        WorkflowExecution stored = execution.withVersion(execution.version() + 1);
        data.workflowExecutions.put(execution.id(), stored);
        return stored;
    }

    @Override
    public Page<WorkflowExecution> find(TenantId tenant, Specification<WorkflowExecution> where,
                                        PageRequest<WorkflowExecution> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).workflowExecutions.values(), where, page,
                WorkflowFields.Execution.ID);
    }

    @Override
    public List<WorkflowExecution> claimable(TenantId tenant, Instant now, int limit) {
        return unitOfWork.state().of(tenant).workflowExecutions.values().stream()
                .filter(e -> e.status().incomplete() && (e.leaseExpiresAt() == null || e.leaseExpired(now)))
                .sorted(Comparator.comparing(WorkflowExecution::createdAt).thenComparing(WorkflowExecution::id))
                .limit(limit).toList();
    }

    @Override
    public List<StepExecution> steps(TenantId tenant, String executionId) {
        return unitOfWork.state().of(tenant).workflowSteps.values().stream()
                .filter(s -> s.executionId().equals(executionId))
                .sorted(Comparator.comparingLong(StepExecution::position)).toList();
    }

    @Override
    public Optional<StepExecution> lastAttempt(TenantId tenant, String executionId, String stepId) {
        JsonTable<StepExecution> steps = unitOfWork.state().of(tenant).workflowSteps;
        StepExecution last = null;
        // Attempts are numbered without gaps, so probing by key finds the last one without a scan.
        for (int attempt = 1; attempt <= StepExecution.MAX_ATTEMPTS; attempt++) {
            StepExecution next = steps.get(key(executionId, stepId, attempt));
            if (next == null) {
                break;
            }
            last = next;
        }
        return Optional.ofNullable(last);
    }

    @Override
    public StepExecution appendStep(StepExecution step) {
        JsonState.TenantData data = unitOfWork.state().mutable(step.tenantId());
        long position = positions(data, step.executionId()).max().orElse(0) + 1;
        // One past the highest is free: no second scan for a taken position.
        return store(data, new StepExecution(step.tenantId(), step.executionId(), step.stepId(), step.attempt(),
                position, step.status(), step.input(), step.output(), step.error(), step.startedAt(),
                step.completedAt(), step.recordedAt()));
    }

    @Override
    public StepExecution addStep(StepExecution step) {
        JsonState.TenantData data = unitOfWork.state().mutable(step.tenantId());
        if (positions(data, step.executionId()).anyMatch(p -> p == step.position())) {
            throw new Conflict("execution " + step.executionId() + " already has an attempt at position "
                    + step.position());
        }
        return store(data, step);
    }

    private static java.util.stream.LongStream positions(JsonState.TenantData data, String executionId) {
        return data.workflowSteps.values().stream().filter(s -> s.executionId().equals(executionId))
                .mapToLong(StepExecution::position);
    }

    private StepExecution store(JsonState.TenantData data, StepExecution step) {
        door.check(StepExecution.ENTITY, step);
        if (data.workflowSteps.containsKey(key(step))) {
            throw Conflict.alreadyExists(StepExecution.ENTITY, key(step));
        }
        data.workflowSteps.put(key(step), step);
        return step;
    }

    @Override
    public StepExecution updateStep(StepExecution step) {
        door.check(StepExecution.ENTITY, step);
        JsonState.TenantData data = unitOfWork.state().mutable(step.tenantId());
        StepExecution current = data.workflowSteps.get(key(step));
        if (current == null || current.status() != StepStatus.RUNNING) {
            throw new NotFound(StepExecution.ENTITY, key(step));
        }
        data.workflowSteps.put(key(step), step);
        return step;
    }

    @Override
    public Page<StepExecution> findSteps(TenantId tenant, Specification<StepExecution> where,
                                         PageRequest<StepExecution> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).workflowSteps.values(), where, page,
                WorkflowFields.Step.KEY);
    }
}
