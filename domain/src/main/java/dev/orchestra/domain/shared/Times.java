package dev.orchestra.domain.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The canonical text of an instant: fixed width, UTC, nine fractional digits, so text order is time order. */
public final class Times {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return FIXED.format(instant);
        }
        // By hand, in fixed positions: every stored row formats several instants, and the pattern formatter
        // took a tenth of a batch enqueue (measured with JFR). TimesTest compares the two.
        char[] text = "0000-00-00T00:00:00.000000000Z".toCharArray();
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 9, instant.getNano());
        return new String(text);
    }

    /**
     * Exactly {@link Instant#toString()} (ISO-8601, the fraction cut to 0, 3, 6 or 9 digits), made from the
     * fixed-width form: audit entries write instants this way for every change, and the JDK's formatter
     * took a twentieth of the writer's time per task. TimesTest compares the two.
     */
    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        String fixed = format(instant);
        if (fixed.length() != 30) {
            return instant.toString();
        }
        int nano = instant.getNano();
        int digits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
        return digits == 9 ? fixed : digits == 0 ? fixed.substring(0, 19) + 'Z'
                : fixed.substring(0, 20 + digits) + 'Z';
    }

    /** The slow, obviously right form, for {@code TimesTest}. */
    static String formatWithPattern(Instant instant) {
        return FIXED.format(instant);
    }

    private static void digits(char[] into, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The instant of a text. The canonical form is read by position (every row read parses its times, and
     * the general parser took most of reading a page of messages); any other form, or a canonical-looking
     * one the fast path cannot take, goes to {@link Instant#parse}, with its answers and its errors.
     */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(29) == 'Z') {
            int year = number(text, 0, 4);
            int month = number(text, 5, 2);
            int day = number(text, 8, 2);
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            int nano = number(text, 20, 9);
            if ((year | month | day | hour | minute | second | nano) >= 0 && second < 60) {
                try {
                    return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second)
                            .toEpochSecond(ZoneOffset.UTC), nano);
                } catch (java.time.DateTimeException e) {
                    // Out of range (February 30th): the general parser says so in its own words.
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal digits at {@code at}, or -1 when one is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
