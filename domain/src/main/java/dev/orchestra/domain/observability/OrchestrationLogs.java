package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;

/** The orchestration log of each tenant, append-only. Call inside a {@code UnitOfWork}. */
public interface OrchestrationLogs {
    void append(OrchestrationLog entry);

    Page<OrchestrationLog> find(TenantId tenant, Specification<OrchestrationLog> where,
                                PageRequest<OrchestrationLog> page);
}
