package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orchestra.application.observability.ClientPresence;
import dev.orchestra.application.observability.MetricsSeries;
import dev.orchestra.application.shared.Caller;
import dev.orchestra.domain.observability.ClientSession;
import dev.orchestra.domain.observability.MetricEntity;
import dev.orchestra.domain.observability.MetricPeriod;
import dev.orchestra.domain.observability.PerformanceMetric;
import dev.orchestra.domain.shared.JsonDocument;
import dev.orchestra.domain.shared.PageRequest;
import dev.orchestra.domain.shared.TenantId;
import dev.orchestra.domain.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Metric roll-ups agree with the raw samples; client sessions gone silent are closed, active ones are not. */
class ObservabilityTest {
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final Caller CALLER = new Caller(TenantId.DEFAULT, "tester");

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenADayOfRandomSamples_theDailyRollUpOfHourlyRowsEqualsStatisticsOverTheRawSamples(String type) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(DAY);
        try (Store store = TestStores.open(type, directory, clock)) {
            MetricsSeries metrics = ObservabilityConfiguration.metricsSeries(wiring(store, clock));
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                double value = Math.round(random.nextGaussian() * 1000 + 5000) / 10.0;
                values.add(value);
                metrics.record(CALLER, new MetricsSeries.Sample(MetricEntity.SYSTEM, null, "queue.depth", value,
                        "tasks", DAY.plusSeconds(random.nextInt(86_400))));
            }
            clock.advance(Duration.ofDays(1).plusMinutes(5));

            metrics.rollUp();

            List<PerformanceMetric> daily = metrics.series(CALLER, new MetricsSeries.Filter("queue.depth", null, null,
                    MetricPeriod.DAILY, null, null), new PageRequest<>(0, 10, List.of())).items();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double deviation = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                    / values.size());
            assertThat(daily).as("seed %d", seed).hasSize(1);
            PerformanceMetric day = daily.get(0);
            assertThat(day.periodStart()).isEqualTo(DAY);
            assertThat(day.periodEnd()).isEqualTo(DAY.plus(Duration.ofDays(1)));
            assertThat(day.sampleCount()).as("seed %d", seed).isEqualTo(300);
            assertThat(day.value()).as("seed %d", seed).isCloseTo(mean, within(1e-9));
            assertThat(day.standardDeviation()).as("seed %d", seed).isCloseTo(deviation, within(1e-9));
            assertThat(day.min()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(day.max()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            long hours = metrics.series(CALLER, new MetricsSeries.Filter("queue.depth", null, null,
                    MetricPeriod.HOURLY, null, null), new PageRequest<>(0, 100, List.of())).items().stream()
                    .mapToLong(PerformanceMetric::sampleCount).sum();
            assertThat(hours).as("every sample in exactly one hour, seed %d", seed).isEqualTo(300);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenTwoWeeksOfSamplesRolledUpDaily_theWeeklyRollUps_equalStatisticsOverEachMondayToMondayWeek(String type) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        // A Saturday: the first week rolled is the one from Monday 2026-11-16 that it lies in.
        Instant saturday = Instant.parse("2026-11-21T00:00:00Z");
        Instant[] mondays = {Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"),
            Instant.parse("2026-11-30T00:00:00Z")};
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(saturday);
        try (Store store = TestStores.open(type, directory, clock)) {
            MetricsSeries metrics = ObservabilityConfiguration.metricsSeries(wiring(store, clock));
            List<List<Double>> weeks = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < 400; i++) {
                // Up to the last second of Sunday 2026-11-29, from the Saturday on.
                Instant at = saturday.plusSeconds(random.nextInt(9 * 86_400));
                double value = Math.round(random.nextGaussian() * 1000 + 5000) / 10.0;
                weeks.get(at.isBefore(mondays[1]) ? 0 : 1).add(value);
                metrics.record(CALLER, new MetricsSeries.Sample(MetricEntity.SYSTEM, null, "queue.depth", value,
                        "tasks", at));
            }

            // As the periodic job would: a roll-up a few minutes into each day.
            for (int day = 0; day < 9; day++) {
                clock.advance(Duration.ofDays(1).plusMinutes(day == 0 ? 5 : 0));
                metrics.rollUp();
                // Until Monday 2026-11-30 the second week has not ended, and gets no row.
                assertThat(weekly(metrics)).as("weeks rolled by %s, seed %d", clock.instant(), seed)
                        .hasSize(clock.instant().isBefore(mondays[2]) ? (clock.instant().isBefore(mondays[1]) ? 0 : 1)
                                : 2);
            }

            List<PerformanceMetric> rolled = weekly(metrics);
            for (int w = 0; w < 2; w++) {
                List<Double> values = weeks.get(w);
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                double deviation = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                        / values.size());
                PerformanceMetric week = rolled.get(w);
                assertThat(week.periodStart()).as("seed %d", seed).isEqualTo(mondays[w]);
                assertThat(week.periodEnd()).as("seed %d", seed).isEqualTo(mondays[w + 1]);
                assertThat(week.sampleCount()).as("seed %d", seed).isEqualTo(values.size());
                assertThat(week.value()).as("seed %d", seed).isCloseTo(mean, within(1e-9));
                assertThat(week.standardDeviation()).as("seed %d", seed).isCloseTo(deviation, within(1e-9));
                assertThat(week.min()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
                assertThat(week.max()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            }
        }
    }

    private static List<PerformanceMetric> weekly(MetricsSeries metrics) {
        return metrics.series(CALLER, new MetricsSeries.Filter("queue.depth", null, null, MetricPeriod.WEEKLY, null,
                null), new PageRequest<>(0, 10, List.of())).items();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenSamplesNearTheLargestDouble_theRollUp_staysFiniteAndOtherSeriesStillRoll(String type) {
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(DAY);
        try (Store store = TestStores.open(type, directory, clock)) {
            MetricsSeries metrics = ObservabilityConfiguration.metricsSeries(wiring(store, clock));
            double a = 1.7e308;
            for (double value : new double[] {a, a, -a}) {
                metrics.record(CALLER, new MetricsSeries.Sample(MetricEntity.SYSTEM, null, "edge", value, "x",
                        DAY.plusSeconds(60)));
            }
            for (double value : new double[] {1e160, -1e160}) {
                metrics.record(CALLER, new MetricsSeries.Sample(MetricEntity.SYSTEM, null, "squares", value, "x",
                        DAY.plusSeconds(120)));
            }
            metrics.record(CALLER, new MetricsSeries.Sample(MetricEntity.SYSTEM, null, "plain", 2.0, "x",
                    DAY.plusSeconds(180)));
            clock.advance(Duration.ofHours(2));

            // The sum 1.7e308 + 1.7e308 was Infinity: the hour's roll-up failed, and with it every later one.
            metrics.rollUp();

            PerformanceMetric edge = hourly(metrics, "edge");
            assertThat(edge.sampleCount()).isEqualTo(3);
            assertThat(edge.value()).isCloseTo(a / 3, org.assertj.core.api.Assertions.withinPercentage(1e-9));
            assertThat(edge.standardDeviation()).isCloseTo(a / 3 * Math.sqrt(8),
                    org.assertj.core.api.Assertions.withinPercentage(1e-9));
            assertThat(edge.min()).isEqualTo(-a);
            assertThat(edge.max()).isEqualTo(a);
            PerformanceMetric squares = hourly(metrics, "squares");
            assertThat(squares.value()).isEqualTo(0.0);
            assertThat(squares.standardDeviation()).isCloseTo(1e160,
                    org.assertj.core.api.Assertions.withinPercentage(1e-9));
            assertThat(hourly(metrics, "plain").value()).isEqualTo(2.0);
        }
    }

    private static Wiring wiring(Store store, java.time.Clock clock) {
        return Wiring.of(store, TestStores.VALIDATOR, clock, Duration.ofMinutes(5));
    }

    private static PerformanceMetric hourly(MetricsSeries metrics, String name) {
        List<PerformanceMetric> rows = metrics.series(CALLER, new MetricsSeries.Filter(name, null, null,
                MetricPeriod.HOURLY, null, null), new PageRequest<>(0, 10, List.of())).items();
        assertThat(rows).as(name).hasSize(1);
        return rows.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "json"})
    void givenClientsOneSilent_closeStale_closesOnlyTheSilentOneAndAHeartbeatReopensIt(String type) {
        UseCasesTest.MovableClock clock = new UseCasesTest.MovableClock(DAY);
        try (Store store = TestStores.open(type, directory, clock)) {
            ClientPresence presence = ObservabilityConfiguration.clientPresence(wiring(store, clock),
                    Duration.ofMinutes(2));
            ClientSession silent = presence.open(CALLER, "ui-1", JsonDocument.EMPTY);
            ClientSession talking = presence.open(CALLER, "ui-2", JsonDocument.EMPTY);
            clock.advance(Duration.ofMinutes(1));
            presence.heartbeat(CALLER, talking.id(), null);
            clock.advance(Duration.ofSeconds(90));

            int closed = presence.closeStale();

            assertThat(closed).isEqualTo(1);
            assertThat(presence.get(CALLER, silent.id()).active()).isFalse();
            assertThat(presence.get(CALLER, silent.id()).closedAt()).isEqualTo(clock.instant());
            assertThat(presence.get(CALLER, talking.id()).active()).isTrue();
            assertThat(presence.closeStale()).isZero();
            assertThat(presence.heartbeat(CALLER, silent.id(), null).active()).isTrue();
            assertThat(presence.get(CALLER, silent.id()).closedAt()).isNull();
        }
    }
}
