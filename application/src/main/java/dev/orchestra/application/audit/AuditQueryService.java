package dev.orchestra.application.audit;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import java.util.List;

/** Reads the audit trail through its port; never writes. */
public final class AuditQueryService implements AuditQuery {
    private final UnitOfWork unitOfWork;
    private final AuditTrail trail;

    public AuditQueryService(UnitOfWork unitOfWork, AuditTrail trail) {
        this.unitOfWork = unitOfWork;
        this.trail = trail;
    }

    @Override
    public Page<AuditEntry> entries(Caller caller, Filter f, PageRequest<AuditEntry> page) {
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw ValidationFailed.of("to", "must be after from (" + f.from() + "), not " + f.to());
        }
        Specification<AuditEntry> where = Specification.all();
        if (f.entityType() != null) {
            where = where.and(AuditFieldsOfEntry.ENTITY_TYPE.eq(f.entityType()));
        }
        if (f.entityId() != null) {
            where = where.and(AuditFieldsOfEntry.ENTITY_ID.eq(f.entityId()));
        }
        if (f.action() != null) {
            where = where.and(AuditFieldsOfEntry.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            where = where.and(AuditFieldsOfEntry.TIMESTAMP.atOrAfter(f.from()));
        }
        if (f.to() != null) {
            where = where.and(AuditFieldsOfEntry.TIMESTAMP.before(f.to()));
        }
        PageRequest<AuditEntry> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(AuditFieldsOfEntry.TIMESTAMP.desc(), AuditFieldsOfEntry.ID.desc())) : page;
        Specification<AuditEntry> filter = where;
        return unitOfWork.read(() -> trail.find(caller.tenant(), filter, ordered));
    }
}
