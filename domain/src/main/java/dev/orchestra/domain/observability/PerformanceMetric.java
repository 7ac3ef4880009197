package dev.orchestra.domain.observability;

import dev.orchestra.domain.shared.SingleLine;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.ValidationFailed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A measurement of an agent, task, repository or the system: a raw sample (INSTANT: count 1, min = max =
 * value, deviation 0, start = end = its time) or a roll-up of the samples of one period (value: their mean;
 * count, min, max and the population standard deviation over them).
 */
public record PerformanceMetric(
        @NotNull TenantId tenantId,
        @NotBlank @SingleLine @Size(max = 128) String id,
        @NotNull MetricEntity entityType,
        @SingleLine @Size(max = 128) String entityId,
        @NotBlank @SingleLine @Size(max = 200) String name,
        double value,
        @NotBlank @SingleLine @Size(max = 50) String unit,
        @NotNull MetricPeriod period,
        @NotNull Instant periodStart,
        @NotNull Instant periodEnd,
        @PositiveOrZero long sampleCount,
        double min,
        double max,
        double standardDeviation) {
    public static final String ENTITY = "PerformanceMetric";

    public PerformanceMetric {
        Objects.requireNonNull(tenantId, "tenantId");
        for (double v : new double[] {value, min, max, standardDeviation}) {
            if (!Double.isFinite(v)) {
                throw ValidationFailed.of("value", "must be a finite number, not " + v);
            }
        }
        if (periodEnd != null && periodStart != null && periodEnd.isBefore(periodStart)) {
            throw ValidationFailed.of("periodEnd", "is before periodStart");
        }
    }

    /** A raw sample taken at {@code at}. */
    public static PerformanceMetric sample(TenantId tenant, String id, MetricEntity entityType, String entityId,
                                           String name, double value, String unit, Instant at) {
        return new PerformanceMetric(tenant, id, entityType, entityId, name, value, unit, MetricPeriod.INSTANT, at,
                at, 1, value, value, 0.0);
    }

    /** What samples (or roll-ups) are rolled up by: the same entity, name and unit. */
    public String series() {
        return entityType + "\u0000" + (entityId == null ? "" : entityId) + "\u0000" + name + "\u0000" + unit;
    }
}
