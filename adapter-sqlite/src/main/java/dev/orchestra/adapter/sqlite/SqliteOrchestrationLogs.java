package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.observability.LogFields;
import dev.orchestra.domain.observability.LogLevel;
import dev.orchestra.domain.observability.OrchestrationLog;
import dev.orchestra.domain.observability.OrchestrationLogs;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/** {@link OrchestrationLogs} in the append-only {@code orchestration_logs} table. */
final class SqliteOrchestrationLogs implements OrchestrationLogs {
    private static final SqlFilter<OrchestrationLog> FILTER = new SqlFilter<>(Map.of(
            LogFields.ID, "id", LogFields.LEVEL, "level", LogFields.CATEGORY, "category",
            LogFields.TIMESTAMP, "timestamp"));
    private static final RowMapper<OrchestrationLog> MAPPER = (rows, n) -> new OrchestrationLog(Rows.tenant(rows),
            rows.getString("id"), Rows.enumOf(LogLevel.class, rows, "level"), rows.getString("category"),
            rows.getString("message"), Rows.json(rows, "properties"), Rows.instant(rows, "timestamp"));

    private final SqliteUnitOfWork unitOfWork;

    SqliteOrchestrationLogs(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(OrchestrationLog e) {
        SqlErrors.translate("append orchestration log", () -> unitOfWork.jdbc().sql("""
                        INSERT INTO orchestration_logs (tenant_id, id, level, category, message, properties, timestamp)
                        VALUES (:tenant, :id, :level, :category, :message, :properties, :timestamp)""")
                .param("tenant", e.tenantId().value()).param("id", e.id()).param("level", e.level().name())
                .param("category", e.category()).param("message", e.message())
                .param("properties", Rows.text(e.properties())).param("timestamp", Times.format(e.timestamp()))
                .update());
    }

    @Override
    public Page<OrchestrationLog> find(TenantId tenant, Specification<OrchestrationLog> where,
                                       PageRequest<OrchestrationLog> page) {
        return SqlErrors.translate("find orchestration logs", () ->
                Rows.page(unitOfWork.jdbc(), "orchestration_logs", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }
}
