package dev.orchestra.domain.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The canonical text of an instant: fixed width, UTC, nine fractional digits, so text order is time order. */
public final class Times {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FIXED.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Instants the store keeps are whole nanoseconds within years 0001..9999. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.NANOS);
    }
}
