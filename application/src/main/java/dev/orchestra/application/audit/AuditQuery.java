package dev.orchestra.application.audit;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.time.Instant;

/** Inbound port: the tenant's audit trail, filtered, newest first unless sorted otherwise. */
public interface AuditQuery {
    /** Every part optional; {@code from} inclusive, {@code to} exclusive. */
    record Filter(String entityType, String entityId, AuditAction action, Instant from, Instant to) {
    }

    Page<AuditEntry> entries(Caller caller, Filter filter, PageRequest<AuditEntry> page);
}
