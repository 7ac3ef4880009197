package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import java.time.Instant;

/**
 * Inbound port: performance metrics. Raw samples are recorded; each complete hour's samples of a series
 * (entity, name, unit) are rolled into one HOURLY row and each complete day's hours into one DAILY row, with
 * count, min, max, mean and population standard deviation; all are queried as time series.
 */
public interface MetricsSeries {
    record Sample(MetricEntity entityType, String entityId, String name, Double value, String unit,
                  Instant timestamp) {
    }

    PerformanceMetric record(Caller caller, Sample sample);

    /** Every part optional but the period (INSTANT when not given); oldest first unless sorted. */
    record Filter(String name, MetricEntity entityType, String entityId, MetricPeriod period, Instant from,
                  Instant to) {
    }

    Page<PerformanceMetric> series(Caller caller, Filter filter, PageRequest<PerformanceMetric> page);

    /** Rolls up every tenant's complete hours and days not rolled yet; answers the roll-ups written. */
    int rollUp();
}
