package dev.orchestra.adapter.json;

import dev.orchestra.domain.shared.AuditFields;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The four audit columns every stored row carries, as the document writes them. */
final class AuditColumns {
    private AuditColumns() {
    }

    static void write(ObjectNode o, AuditFields audit) {
        o.put("CreatedAt", LegacyValues.time(audit.createdAt()));
        o.put("CreatedBy", audit.createdBy());
        o.put("UpdatedAt", LegacyValues.time(audit.updatedAt()));
        o.put("UpdatedBy", audit.updatedBy());
    }

    static AuditFields read(JsonProps o, Instant fallback) {
        Instant created = o.has("CreatedAt") ? o.time("CreatedAt") : fallback;
        Instant updated = o.has("UpdatedAt") ? o.time("UpdatedAt") : created;
        return new AuditFields(created, o.text("CreatedBy", null), updated, o.text("UpdatedBy", null));
    }
}
