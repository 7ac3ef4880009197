package dev.orchestra.application.audit;

import dev.orchestra.application.shared.AuditValues;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.preference.Preferences;
import dev.orchestra.domain.preference.UserPreference;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.task.Task;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the audit trail through its port; never writes. Entries written before secrets were masked when
 * recorded still hold them: a task's lease token, a sensitive preference's value. They are masked here on the
 * way out, as the Auditor masks new ones, and left as stored.
 */
public final class AuditQueryService implements AuditQuery {
    private final UnitOfWork unitOfWork;
    private final AuditTrail trail;
    private final Preferences preferences;

    public AuditQueryService(UnitOfWork unitOfWork, AuditTrail trail, Preferences preferences) {
        this.unitOfWork = unitOfWork;
        this.trail = trail;
        this.preferences = preferences;
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
        return unitOfWork.read(() -> {
            Page<AuditEntry> found = trail.find(caller.tenant(), filter, ordered);
            if (found.items().stream().noneMatch(e -> e.entityType().equals(Task.ENTITY)
                    || e.entityType().equals(UserPreference.ENTITY))) {
                return found;
            }
            // Named as the preference's entries name it; a tenant holds few preferences.
            Set<String> sensitive = preferences.find(caller.tenant(), Specification.all()).stream()
                    .filter(UserPreference::sensitive).map(p -> p.scope().userId() + "/" + p.key())
                    .collect(Collectors.toSet());
            return found.map(entry -> masked(entry, sensitive));
        });
    }

    private static AuditEntry masked(AuditEntry e, Set<String> sensitivePreferences) {
        String name;
        if (e.entityType().equals(Task.ENTITY)) {
            name = "lease.token";
        } else if (e.entityType().equals(UserPreference.ENTITY) && (sensitivePreferences.contains(e.entityId())
                || saysSensitive(e.oldValues()) || saysSensitive(e.newValues()))) {
            name = "value";
        } else {
            return e;
        }
        return new AuditEntry(e.tenantId(), e.id(), e.entityType(), e.entityId(), e.action(),
                AuditValues.masked(e.oldValues(), name), AuditValues.masked(e.newValues(), name),
                e.changedProperties(), e.userId(), e.correlationId(), e.timestamp(), e.success(), e.error(),
                e.riskLevel());
    }

    private static boolean saysSensitive(String values) {
        return values != null && values.contains("\"sensitive\":true");
    }
}
