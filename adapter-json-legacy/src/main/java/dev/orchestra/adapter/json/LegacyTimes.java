package dev.orchestra.adapter.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Timestamps as .NET wrote them: 0 to 7 fractional digits, {@code Z}, an offset, or no zone (then the
 * assumed zone applies, and the reading counts them). {@code 0001-01-01T00:00:00} is "never".
 */
final class LegacyTimes {
    private final ZoneOffset assumeZone;
    private long withoutZone;

    LegacyTimes(ZoneOffset assumeZone) {
        this.assumeZone = assumeZone;
    }

    /** Null for absent or DateTime.MinValue; throws {@link DateTimeParseException} for anything else unreadable. */
    Instant parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01T00:00:00")) {
            return null;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from,
                LocalDateTime::from);
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        withoutZone++;
        return ((LocalDateTime) parsed).toInstant(assumeZone);
    }

    long withoutZone() {
        return withoutZone;
    }
}
