package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.audit.AuditAction;
import dev.orchestra.domain.audit.AuditEntry;
import dev.orchestra.domain.audit.AuditFieldsOfEntry;
import dev.orchestra.domain.audit.AuditTrail;
import dev.orchestra.domain.shared.JsonText;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/** {@link AuditTrail} in the append-only {@code audit_log} table. */
final class SqliteAuditTrail implements AuditTrail {
    private static final SqlFilter<AuditEntry> FILTER = new SqlFilter<>(Map.of(
            AuditFieldsOfEntry.ID, "id",
            AuditFieldsOfEntry.ENTITY_TYPE, "entity_type",
            AuditFieldsOfEntry.ENTITY_ID, "entity_id",
            AuditFieldsOfEntry.ACTION, "action",
            AuditFieldsOfEntry.TIMESTAMP, "timestamp"));

    static final RowMapper<AuditEntry> MAPPER = (rows, n) -> new AuditEntry(
            Rows.tenant(rows), rows.getString("id"), rows.getString("entity_type"), rows.getString("entity_id"),
            Rows.enumOf(AuditAction.class, rows, "action"), rows.getString("old_values"),
            rows.getString("new_values"), JsonText.parseStringArray(rows.getString("changed_properties")),
            rows.getString("user_id"), rows.getString("correlation_id"), Rows.instant(rows, "timestamp"),
            rows.getInt("success") == 1, rows.getString("error"), rows.getInt("risk_level"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteAuditTrail(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(AuditEntry e) {
        unitOfWork.update("append audit entry", """
                        INSERT INTO audit_log (tenant_id, id, entity_type, entity_id, action, old_values, new_values,
                            changed_properties, user_id, correlation_id, timestamp, success, error, risk_level)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.tenantId().value(), e.id(), e.entityType(), e.entityId(), e.action().name(), e.oldValues(),
                e.newValues(), JsonText.stringArray(e.changedProperties()), e.userId(), e.correlationId(),
                Times.format(e.timestamp()), e.success() ? 1 : 0, e.error(), e.riskLevel());
    }

    @Override
    public Page<AuditEntry> find(TenantId tenant, Specification<AuditEntry> where, PageRequest<AuditEntry> page) {
        return SqlErrors.translate("find audit entries", () ->
                Rows.page(unitOfWork.jdbc(), "audit_log", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }
}
