package dev.orchestra.domain.audit;

import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;

/** The append-only audit log. Call inside a {@code UnitOfWork}; entries are never changed or removed. */
public interface AuditTrail {
    void append(AuditEntry entry);

    Page<AuditEntry> find(TenantId tenant, Specification<AuditEntry> where, PageRequest<AuditEntry> page);
}
