package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.template.TaskTemplate;
import dev.orchestra.domain.template.TaskTemplates;
import dev.orchestra.domain.template.TemplateFields;
import java.util.Optional;

/** {@link TaskTemplates} in the document's {@code Orchestra.TaskTemplates} array. */
final class JsonTaskTemplates implements TaskTemplates {
    private static final String TEMPLATE = TaskTemplate.ENTITY;
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonTaskTemplates(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public Optional<TaskTemplate> findById(TenantId tenant, String id) {
        return Optional.ofNullable(unitOfWork.state().of(tenant).templates.get(id));
    }

    @Override
    public TaskTemplate add(TaskTemplate template) {
        door.check(TEMPLATE, template);
        JsonState.TenantData data = unitOfWork.state().mutable(template.tenantId());
        if (data.templates.containsKey(template.id())) {
            throw Conflict.alreadyExists(TEMPLATE, template.id());
        }
        data.templates.put(template.id(), template);
        return template;
    }

    @Override
    public TaskTemplate update(TaskTemplate template) {
        door.check(TEMPLATE, template);
        JsonState.TenantData data = unitOfWork.state().mutable(template.tenantId());
        TaskTemplate current = data.templates.get(template.id());
        if (current == null) {
            throw new NotFound(TEMPLATE, template.id());
        }
        if (current.version() != template.version()) {
            throw Conflict.staleVersion(TEMPLATE, template.id(), template.version());
        }
        TaskTemplate stored = template.withVersion(template.version() + 1);
        data.templates.put(template.id(), stored);
        return stored;
    }

    @Override
    public void remove(TenantId tenant, String id, long expectedVersion) {
        JsonState.TenantData data = unitOfWork.state().mutable(tenant);
        TaskTemplate current = data.templates.get(id);
        if (current == null) {
            throw new NotFound(TEMPLATE, id);
        }
        if (current.version() != expectedVersion) {
            throw Conflict.staleVersion(TEMPLATE, id, expectedVersion);
        }
        data.templates.remove(id);
    }

    @Override
    public Page<TaskTemplate> find(TenantId tenant, Specification<TaskTemplate> where,
                                   PageRequest<TaskTemplate> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).templates.values(), where, page, TemplateFields.ID);
    }
}
