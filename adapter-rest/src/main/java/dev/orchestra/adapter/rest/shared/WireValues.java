package dev.orchestra.adapter.rest.shared;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Query and header values of REST-API.md's conventions, parsed strictly: ISO-8601 durations
 * ({@code PT1M30S}) and UTC instants ({@code 2026-11-22T10:15:30Z}) in the range a store keeps
 * (years 0000 to 9999), so an absurd value is a 400 rather than an overflow deeper down.
 */
public final class WireValues {
    public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private WireValues() {
    }

    /** An ISO-8601 duration of at most 100 years either way, as docs/API.md promises for every one on the wire. */
    public static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new Refused("'" + text + "' is not an ISO-8601 duration such as PT5M or P7D");
        }
        if (duration.abs().compareTo(dev.orchestra.application.shared.Periods.MAX) > 0) {
            throw new Refused("'" + text + "' is longer than 100 years (P36525D), the most a duration may be");
        }
        return duration;
    }

    /** true or false, nothing else: Spring would also take yes, on and 1. */
    public static Boolean bool(String text) {
        return switch (text.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new Refused("'" + text + "' is not true or false");
        };
    }

    /** An integer in decimal digits (an optional minus first); no hex, no exponent, no fraction. */
    public static Integer integer(String text) {
        String digits = text.trim();
        if (!digits.matches("-?[0-9]{1,10}")) {
            throw new Refused("'" + text + "' is not an integer (decimal digits only)");
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw new Refused("'" + text + "' is out of range for an integer (at most 2147483647)");
        }
    }

    public static Instant instant(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw new Refused("'" + text + "' is not an ISO-8601 UTC time such as "
                    + "2026-11-22T10:15:30Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new Refused("'" + text + "' is outside the years 0000 to 9999");
        }
        return instant;
    }

    /** A value refused by these parsers; its message is written for the client. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    /** A duration in a request body: ISO-8601 text only, never a number of seconds. */
    public static final class DurationText extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getString();
            try {
                return duration(text);
            } catch (Refused e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
            }
        }
    }

    /**
     * Times in bodies are ISO-8601 text only: Jackson's own reader would take a number as epoch seconds
     * ({@code "startedAt": 123} became 1970), which no client means.
     */
    public static final class InstantText extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString();
            try {
                return instant(text);
            } catch (Refused e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, Instant.class);
            }
        }
    }
}
