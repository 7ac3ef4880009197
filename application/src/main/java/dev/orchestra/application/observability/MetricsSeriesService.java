package dev.orchestra.application.observability;

import dev.orchestra.application.shared.Caller;
import dev.orchestra.application.shared.ConstraintCheck;
import dev.orchestra.domain.maintenance.StoreMaintenance;
import dev.orchestra.domain.observability.MetricFields;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.observability.PerformanceMetrics;
import dev.orchestra.domain.shared.Digests;
import dev.orchestra.domain.shared.Ids;
import dev.orchestra.domain.shared.Page;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.Pages;
import dev.orchestra.domain.shared.Specification;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.shared.UnitOfWork;
import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples and their roll-ups. A roll-up's id is derived from its series, period and start, so rolling up again
 * (after a restart, or by two instances) finds it and writes nothing twice. Hours are rolled once they have
 * ended, days once their last hour is rolled, weeks (Monday to Monday, UTC) once their last day is rolled; a
 * sample that arrives for an hour already rolled stays raw.
 */
public final class MetricsSeriesService implements MetricsSeries {
    /** How far back a roll-up looks for hours, days and weeks not rolled yet. */
    static final Duration HOURS_BACK = Duration.ofHours(48);
    static final Duration DAYS_BACK = Duration.ofDays(14);
    static final Duration WEEKS_BACK = Duration.ofDays(7 * 8);

    private final UnitOfWork unitOfWork;
    private final PerformanceMetrics metrics;
    private final StoreMaintenance maintenance;
    private final ConstraintCheck constraints;
    private final Clock clock;

    public MetricsSeriesService(UnitOfWork unitOfWork, PerformanceMetrics metrics, StoreMaintenance maintenance,
                                ConstraintCheck constraints, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.metrics = metrics;
        this.maintenance = maintenance;
        this.constraints = constraints;
        this.clock = clock;
    }

    @Override
    public PerformanceMetric record(Caller caller, Sample s) {
        if (s.value() == null) {
            throw ValidationFailed.of("value", "must be given");
        }
        PerformanceMetric sample = constraints.require(PerformanceMetric.sample(caller.tenant(), Ids.newId(),
                s.entityType(), s.entityId(), s.name(), s.value(), s.unit(),
                s.timestamp() == null ? clock.instant() : s.timestamp()));
        return unitOfWork.write(() -> metrics.add(sample));
    }

    @Override
    public Page<PerformanceMetric> series(Caller caller, Filter f, PageRequest<PerformanceMetric> page) {
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw ValidationFailed.of("to", "must be after from (" + f.from() + "), not " + f.to());
        }
        Specification<PerformanceMetric> where = MetricFields.PERIOD.eq(
                f.period() == null ? MetricPeriod.INSTANT : f.period());
        if (f.name() != null) {
            where = where.and(MetricFields.NAME.eq(f.name()));
        }
        if (f.entityType() != null) {
            where = where.and(MetricFields.ENTITY_TYPE.eq(f.entityType()));
        }
        if (f.entityId() != null) {
            where = where.and(MetricFields.ENTITY_ID.eq(f.entityId()));
        }
        if (f.from() != null) {
            where = where.and(MetricFields.PERIOD_START.atOrAfter(f.from()));
        }
        if (f.to() != null) {
            where = where.and(MetricFields.PERIOD_START.before(f.to()));
        }
        PageRequest<PerformanceMetric> ordered = page.sort().isEmpty() ? new PageRequest<>(page.page(), page.size(),
                List.of(MetricFields.PERIOD_START.asc(), MetricFields.ID.asc())) : page;
        Specification<PerformanceMetric> filter = where;
        return unitOfWork.read(() -> metrics.find(caller.tenant(), filter, ordered));
    }

    @Override
    public int rollUp() {
        Instant now = clock.instant();
        int written = 0;
        for (TenantId tenant : unitOfWork.read(maintenance::tenants)) {
            Instant hourEnd = now.truncatedTo(ChronoUnit.HOURS);
            written += roll(tenant, MetricPeriod.INSTANT, MetricPeriod.HOURLY,
                    after(tenant, MetricPeriod.HOURLY, hourEnd.minus(HOURS_BACK)), hourEnd);
            Instant dayEnd = now.truncatedTo(ChronoUnit.DAYS);
            written += roll(tenant, MetricPeriod.HOURLY, MetricPeriod.DAILY,
                    after(tenant, MetricPeriod.DAILY, dayEnd.minus(DAYS_BACK)), dayEnd);
            Instant weekEnd = periodStart(now, MetricPeriod.WEEKLY);
            written += roll(tenant, MetricPeriod.DAILY, MetricPeriod.WEEKLY,
                    after(tenant, MetricPeriod.WEEKLY, weekEnd.minus(WEEKS_BACK)), weekEnd);
        }
        return written;
    }

    /**
     * Where rolling into {@code period} starts: after the tenant's newest roll-up of that period (every series of
     * a period is rolled in one pass, and a sample arriving for a rolled hour stays raw), and never before
     * {@code earliest}; so a pass reads only what no earlier pass rolled.
     */
    private Instant after(TenantId tenant, MetricPeriod period, Instant earliest) {
        return unitOfWork.read(() -> metrics.find(tenant, MetricFields.PERIOD.eq(period),
                        new PageRequest<>(0, 1, List.of(MetricFields.PERIOD_START.desc()))).items().stream()
                .map(m -> m.periodStart().plus(period.length()))
                .filter(next -> next.isAfter(earliest)).findFirst().orElse(earliest));
    }

    /** The rows of {@code from} in [start, end), grouped by series and period of {@code into}, each group rolled. */
    private int roll(TenantId tenant, MetricPeriod from, MetricPeriod into, Instant start, Instant end) {
        Map<String, List<PerformanceMetric>> groups = new LinkedHashMap<>();
        unitOfWork.read(() -> {
            Pages.each(List.of(MetricFields.PERIOD_START.asc(), MetricFields.ID.asc()),
                    (where, page) -> metrics.find(tenant, where.and(MetricFields.PERIOD.eq(from))
                            .and(MetricFields.PERIOD_START.atOrAfter(start))
                            .and(MetricFields.PERIOD_START.before(end)), page),
                    m -> groups.computeIfAbsent(m.series() + "\u0000" + periodStart(m.periodStart(), into),
                            k -> new ArrayList<>()).add(m));
            return null;
        });
        List<PerformanceMetric> rolled = new ArrayList<>();
        for (List<PerformanceMetric> group : groups.values()) {
            PerformanceMetric first = group.get(0);
            Instant periodStart = periodStart(first.periodStart(), into);
            String id = into.name().charAt(0) + "-" + Digests.sha256(first.series() + "\u0000" + into + "\u0000"
                    + periodStart).substring(0, 40);
            rolled.add(combine(first, id, into, periodStart, group));
        }
        if (rolled.isEmpty()) {
            return 0;
        }
        return unitOfWork.write(() -> {
            int added = 0;
            for (PerformanceMetric m : rolled) {
                if (metrics.findById(tenant, m.id()).isEmpty()) {
                    metrics.add(m);
                    added++;
                }
            }
            return added;
        });
    }

    private static Instant periodStart(Instant at, MetricPeriod period) {
        return switch (period) {
            case HOURLY -> at.truncatedTo(ChronoUnit.HOURS);
            case DAILY -> at.truncatedTo(ChronoUnit.DAYS);
            case WEEKLY -> {
                // ISO weeks start on Monday; day 4 since the epoch (1970-01-05) was one.
                long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
                yield Instant.ofEpochSecond((day - Math.floorMod(day - 4, 7)) * 86_400L);
            }
            case INSTANT -> at;
        };
    }

    /**
     * Count, min, max, mean and population standard deviation over the parts, each part itself a sample or a
     * roll-up (pooled: the variance of the whole is the mean of each part's variance plus its squared distance
     * from the overall mean, weighted by its count). Computed in units of the largest magnitude among the parts:
     * two samples of 1e308 summed, or one of 1e160 squared, overflowed to Infinity, which no metric may hold,
     * and that one hour stopped every later roll-up of the tenant.
     */
    static PerformanceMetric combine(PerformanceMetric like, String id, MetricPeriod period, Instant start,
                                     List<PerformanceMetric> parts) {
        long count = 0;
        double scale = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PerformanceMetric p : parts) {
            count += p.sampleCount();
            min = Math.min(min, p.min());
            max = Math.max(max, p.max());
            scale = Math.max(scale, Math.max(Math.max(Math.abs(p.value()), p.standardDeviation()),
                    Math.max(Math.abs(p.min()), Math.abs(p.max()))));
        }
        double mean = 0;
        double deviation = 0;
        if (count > 0 && scale > 0) {
            double scaledMean = 0;
            for (PerformanceMetric p : parts) {
                scaledMean += p.value() / scale * ((double) p.sampleCount() / count);
            }
            double variance = 0;
            for (PerformanceMetric p : parts) {
                double d = p.value() / scale - scaledMean;
                double sd = p.standardDeviation() / scale;
                variance += (sd * sd + d * d) * ((double) p.sampleCount() / count);
            }
            // Rounding may carry the mean a hair past the extremes (past Double.MAX_VALUE, at the edge).
            mean = Math.max(min, Math.min(max, scaledMean * scale));
            // At most the largest magnitude for parts that agree with each other; the bound guards any that do not.
            deviation = Math.min(Math.sqrt(variance) * scale, Double.MAX_VALUE);
        }
        return new PerformanceMetric(like.tenantId(), id, like.entityType(), like.entityId(), like.name(), mean,
                like.unit(), period, start, start.plus(period.length()), count, min, max, deviation);
    }
}
