package dev.orchestra.adapter.json;

import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;

/** {@link AuditTrail} as an append-only array in the JSON document. */
final class JsonAuditTrail implements AuditTrail {
    private final JsonUnitOfWork unitOfWork;
    private final SchemaDoor door;

    JsonAuditTrail(JsonUnitOfWork unitOfWork, SchemaDoor door) {
        this.unitOfWork = unitOfWork;
        this.door = door;
    }

    @Override
    public void append(AuditEntry entry) {
        door.check("AuditEntry", entry);
        unitOfWork.state().mutable(entry.tenantId()).audit.add(entry);
    }

    @Override
    public Page<AuditEntry> find(TenantId tenant, Specification<AuditEntry> where, PageRequest<AuditEntry> page) {
        return SchemaDoor.page(unitOfWork.state().of(tenant).audit.rows(), where, page, AuditFieldsOfEntry.ID);
    }
}
