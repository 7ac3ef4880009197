package dev.orchestra.application.shared;

import dev.orchestra.domain.shared.ValidationFailed;
import java.time.Duration;
import java.time.Instant;

/** A look-back window ("the last 30 days", "silent for 5 minutes"): longer than zero, at most 100 years. */
public final class Periods {
    public static final Duration MAX = Duration.ofDays(36_525);

    private Periods() {
    }

    /** The instant {@code period} before {@code now}; a period out of range is a validation failure. */
    public static Instant before(Instant now, String field, Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw ValidationFailed.of(field, "must be longer than zero");
        }
        if (period.compareTo(MAX) > 0) {
            throw ValidationFailed.of(field, "must be at most " + MAX.toDays() + " days (P" + MAX.toDays() + "D)");
        }
        return now.minus(period);
    }
}
