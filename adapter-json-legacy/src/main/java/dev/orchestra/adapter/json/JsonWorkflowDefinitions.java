package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.workflow.WorkflowDefinition;
import dev.orchestra.domain.workflow.WorkflowDefinitions;
import dev.orchestra.domain.workflow.WorkflowFields;
import java.util.Optional;

/** {@link WorkflowDefinitions} in the JSON document's {@code Orchestra} section. */
final class JsonWorkflowDefinitions implements WorkflowDefinitions {
    private static final String DEFINITION = WorkflowDefinition.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonWorkflowDefinitions(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<WorkflowDefinition> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).workflowDefinitions.get(id));
    }

    @Override
    public Optional<WorkflowDefinition> latest(TenantId tenant, String name) {
        return unitOfWork.state().of(tenant).workflowDefinitions.values().stream()
                .filter(d -> d.latest() && d.name().equals(name)).findFirst();
    }

    @Override
    public WorkflowDefinition add(WorkflowDefinition definition) {
        door.check(DEFINITION, definition);
        JsonState.TenantData data = unitOfWork.state().mutable(definition.tenantId());
        if (data.workflowDefinitions.containsKey(definition.id())) {
            throw Conflict.alreadyExists(DEFINITION, definition.id());
        }
        for (WorkflowDefinition other : data.workflowDefinitions.values()) {
            if (other.name().equals(definition.name()) && (other.version().equals(definition.version())
                    || other.latest() && definition.latest())) {
                throw new Conflict("workflow '" + definition.name() + "' already has version " + other.version()
                        + (other.version().equals(definition.version()) ? "" : " as its latest"));
            }
        }
        data.workflowDefinitions.put(definition.id(), definition);
        return definition;
    }

    @Override
    public WorkflowDefinition update(WorkflowDefinition definition) {
        JsonState.TenantData data = unitOfWork.state().mutable(definition.tenantId());
        WorkflowDefinition current = data.workflowDefinitions.get(definition.id());
        if (current == null) {
            throw new NotFound(DEFINITION, definition.id());
        }
        if (current.revision() != definition.revision()) {
            throw Conflict.staleVersion(DEFINITION, definition.id(), definition.revision());
        }
        // Only the bookkeeping is taken; the stored content stays as it is.
        WorkflowDefinition stored = new WorkflowDefinition(current.tenantId(), current.id(), current.name(),
                current.version(), current.previousVersionId(), current.contentHash(), current.steps(),
                current.inputSchema(), current.outputSchema(), current.category(), current.tags(), current.author(),
                current.publicDefinition(), definition.active(), definition.latest(), definition.usage(),
                current.createdAt(), current.createdBy(), current.revision() + 1);
        door.check(DEFINITION, stored);
        data.workflowDefinitions.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Page<WorkflowDefinition> find(TenantId tenant, Specification<WorkflowDefinition> where,
                                         PageRequest<WorkflowDefinition> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).workflowDefinitions.values(), where, page,
                WorkflowFields.Definition.ID);
    }
}
