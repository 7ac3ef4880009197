package dev.orchestra.domain.observability;

import java.time.Duration;

/** A raw sample, or a roll-up of the samples of one hour, day or week. */
public enum MetricPeriod {
    INSTANT(Duration.ZERO), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

    private final Duration length;

    MetricPeriod(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
