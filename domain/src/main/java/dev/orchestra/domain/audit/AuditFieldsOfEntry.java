package dev.orchestra.domain.audit;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;

/** The queryable properties of an audit entry. */
public final class AuditFieldsOfEntry {
    public static final Field<AuditEntry, String> ID = new Field<>("id", String.class, AuditEntry::id);
    public static final Field<AuditEntry, String> ENTITY_TYPE =
            new Field<>("entityType", String.class, AuditEntry::entityType);
    public static final Field<AuditEntry, String> ENTITY_ID =
            new Field<>("entityId", String.class, AuditEntry::entityId);
    public static final Field<AuditEntry, AuditAction> ACTION =
            new Field<>("action", AuditAction.class, AuditEntry::action);
    public static final Field<AuditEntry, Instant> TIMESTAMP =
            new Field<>("timestamp", Instant.class, AuditEntry::timestamp);

    public static final java.util.List<Field<AuditEntry, ?>> ALL = java.util.List.of(ID, ENTITY_TYPE, ENTITY_ID,
            ACTION, TIMESTAMP);

    private AuditFieldsOfEntry() {
    }
}
