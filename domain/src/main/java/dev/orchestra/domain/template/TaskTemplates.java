package dev.orchestra.domain.template;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** The task templates of each tenant. Call inside a {@code UnitOfWork}. */
public interface TaskTemplates {
    Optional<TaskTemplate> findById(TenantId tenant, String id);

    /** Stores the template as given; an existing id is a {@code Conflict}. */
    TaskTemplate add(TaskTemplate template);

    /** Version-checked; a stale version is a {@code Conflict}. */
    TaskTemplate update(TaskTemplate template);

    void remove(TenantId tenant, String id, long expectedVersion);

    Page<TaskTemplate> find(TenantId tenant, Specification<TaskTemplate> where, PageRequest<TaskTemplate> page);
}
