package dev.orchestra.domain.routing;

import dev.orchestra.domain.shared.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The queryable and sortable properties of an agent's routing statistics. */
public final class StatisticsFields {
    public static final Field<RoutingStatistics, String> AGENT_KEY =
            new Field<>("agentKey", String.class, RoutingStatistics::agentKey);
    public static final Field<RoutingStatistics, Long> TOTAL =
            new Field<>("total", Long.class, RoutingStatistics::total);
    public static final Field<RoutingStatistics, Double> SUCCESS_RATE =
            new Field<>("successRate", Double.class, RoutingStatistics::successRate);
    public static final Field<RoutingStatistics, Duration> AVERAGE_DURATION =
            new Field<>("averageDuration", Duration.class, RoutingStatistics::averageDuration);
    public static final Field<RoutingStatistics, Instant> LAST_UPDATED =
            new Field<>("lastUpdated", Instant.class, RoutingStatistics::lastUpdated);

    public static final List<Field<RoutingStatistics, ?>> ALL =
            List.of(AGENT_KEY, TOTAL, SUCCESS_RATE, AVERAGE_DURATION, LAST_UPDATED);

    private StatisticsFields() {
    }
}
