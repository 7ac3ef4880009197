package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.Field;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of a performance metric. */
public final class MetricFields {
    public static final Field<PerformanceMetric, String> ID = new Field<>("id", String.class, PerformanceMetric::id);
    public static final Field<PerformanceMetric, MetricEntity> ENTITY_TYPE =
            new Field<>("entityType", MetricEntity.class, PerformanceMetric::entityType);
    public static final Field<PerformanceMetric, String> ENTITY_ID =
            new Field<>("entityId", String.class, PerformanceMetric::entityId);
    public static final Field<PerformanceMetric, String> NAME =
            new Field<>("name", String.class, PerformanceMetric::name);
    public static final Field<PerformanceMetric, MetricPeriod> PERIOD =
            new Field<>("period", MetricPeriod.class, PerformanceMetric::period);
    public static final Field<PerformanceMetric, Instant> PERIOD_START =
            new Field<>("periodStart", Instant.class, PerformanceMetric::periodStart);

    public static final List<Field<PerformanceMetric, ?>> ALL = List.of(ID, ENTITY_TYPE, ENTITY_ID, NAME, PERIOD,
            PERIOD_START);

    private MetricFields() {
    }
}
