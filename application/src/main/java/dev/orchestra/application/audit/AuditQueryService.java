package dev.orchestra.application.audit;

import dev.orchestra.application.shared.AuditValues;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.preference.PreferenceFields;
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
            Set<String> sensitive = sensitivePreferences(caller, found.items());
            return found.map(entry -> masked(entry, sensitive));
        });
    }

    /**
     * Of the preferences the entries name ("userId/key"), those sensitive now, named the same way. A user id
     * may hold a slash, so every part after one is a candidate key.
     */
    private Set<String> sensitivePreferences(Caller caller, List<AuditEntry> entries) {
        Set<String> named = entries.stream().filter(e -> e.entityType().equals(UserPreference.ENTITY))
                .map(AuditEntry::entityId).collect(Collectors.toSet());
        List<String> keys = named.stream().flatMap(id -> java.util.stream.IntStream.range(0, id.length())
                .filter(i -> id.charAt(i) == '/').mapToObj(i -> id.substring(i + 1))).distinct().toList();
        if (keys.isEmpty()) {
            return Set.of();
        }
        return preferences.find(caller.tenant(), PreferenceFields.KEY.in(keys)).stream()
                .filter(UserPreference::sensitive).map(p -> p.scope().userId() + "/" + p.key())
                .filter(named::contains).collect(Collectors.toSet());
    }

    private static AuditEntry masked(AuditEntry e, Set<String> sensitivePreferences) {
        String name;
        if (e.entityType().equals(Task.ENTITY)) {
            name = Task.LEASE_TOKEN;
        } else if (e.entityType().equals(UserPreference.ENTITY) && (sensitivePreferences.contains(e.entityId())
                || saysSensitive(e.oldValues()) || saysSensitive(e.newValues()))) {
            name = UserPreference.VALUE;
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
