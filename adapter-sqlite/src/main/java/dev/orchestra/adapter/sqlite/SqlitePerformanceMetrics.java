package dev.orchestra.adapter.sqlite;

import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.observability.PerformanceMetrics;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.Times;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;

/** {@link PerformanceMetrics} in {@code performance_metrics}: samples and roll-ups side by side. */
final class SqlitePerformanceMetrics implements PerformanceMetrics {
    private static final SqlFilter<PerformanceMetric> FILTER = new SqlFilter<>(Map.of(
            MetricFields.ID, "id", MetricFields.ENTITY_TYPE, "entity_type", MetricFields.ENTITY_ID, "entity_id",
            MetricFields.NAME, "name", MetricFields.PERIOD, "period", MetricFields.PERIOD_START, "period_start"));
    private static final RowMapper<PerformanceMetric> MAPPER = (rows, n) -> new PerformanceMetric(
            Rows.tenant(rows), rows.getString("id"), Rows.enumOf(MetricEntity.class, rows, "entity_type"),
            rows.getString("entity_id"), rows.getString("name"), rows.getDouble("value"), rows.getString("unit"),
            Rows.enumOf(MetricPeriod.class, rows, "period"), Rows.instant(rows, "period_start"),
            Rows.instant(rows, "period_end"), rows.getLong("sample_count"), rows.getDouble("min_value"),
            rows.getDouble("max_value"), rows.getDouble("standard_deviation"));

    private final SqliteUnitOfWork unitOfWork;

    SqlitePerformanceMetrics(SqliteUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public PerformanceMetric add(PerformanceMetric m) {
        SqlErrors.translate("add performance metric " + m.id(), () -> unitOfWork.jdbc().sql("""
                        INSERT INTO performance_metrics (tenant_id, id, entity_type, entity_id, name, value, unit,
                            period, period_start, period_end, sample_count, min_value, max_value, standard_deviation)
                        VALUES (:tenant, :id, :entityType, :entityId, :name, :value, :unit, :period, :start, :end,
                            :count, :min, :max, :deviation)""")
                .param("tenant", m.tenantId().value()).param("id", m.id()).param("entityType", m.entityType().name())
                .param("entityId", m.entityId()).param("name", m.name()).param("value", m.value())
                .param("unit", m.unit()).param("period", m.period().name())
                .param("start", Times.format(m.periodStart())).param("end", Times.format(m.periodEnd()))
                .param("count", m.sampleCount()).param("min", m.min()).param("max", m.max())
                .param("deviation", m.standardDeviation()).update());
        return m;
    }

    @Override
    public Optional<PerformanceMetric> findById(TenantId tenant, String id) {
        return SqlErrors.translate("find performance metric " + id, () -> unitOfWork.jdbc()
                .sql("SELECT * FROM performance_metrics WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(MAPPER).optional());
    }

    @Override
    public Page<PerformanceMetric> find(TenantId tenant, Specification<PerformanceMetric> where,
                                        PageRequest<PerformanceMetric> page) {
        return SqlErrors.translate("find performance metrics", () ->
                Rows.page(unitOfWork.jdbc(), "performance_metrics", FILTER, tenant, where, "1 = 1", page, MAPPER));
    }
}
