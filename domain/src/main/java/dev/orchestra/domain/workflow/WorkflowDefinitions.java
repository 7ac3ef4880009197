package dev.orchestra.domain.workflow;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import java.util.Optional;

/** The workflow definitions of each tenant, every version of each name. Call inside a {@code UnitOfWork}. */
public interface WorkflowDefinitions {
    Optional<WorkflowDefinition> findById(TenantId tenant, String id);

    /** The newest version of a name (the one marked latest), if the name has any. */
    Optional<WorkflowDefinition> latest(TenantId tenant, String name);

    /** Stores a new version; an existing id, or the same name and version text, is a {@code Conflict}. */
    WorkflowDefinition add(WorkflowDefinition definition);

    /**
     * Saves the bookkeeping of a stored version (latest, active, usage), checked against its revision; the
     * content (steps, schemas, hash, name, version) is never written again.
     */
    WorkflowDefinition update(WorkflowDefinition definition);

    Page<WorkflowDefinition> find(TenantId tenant, Specification<WorkflowDefinition> where,
                                  PageRequest<WorkflowDefinition> page);
}
