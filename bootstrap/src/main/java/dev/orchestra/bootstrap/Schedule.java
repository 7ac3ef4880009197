package dev.orchestra.bootstrap;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a job runs: every fixed period ({@code 24h}, {@code PT6H}) counted from start-up, or at the times of a
 * cron expression ({@code 0 0 3 * * *}: seconds, minutes, hours, day of month, month, day of week; in the
 * machine's time zone).
 */
record Schedule(String text, Duration every, CronExpression cron) {
    static Schedule parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + " is empty; give a period (24h) or a cron expression"
                    + " (0 0 3 * * *)");
        }
        try {
            Duration every = DurationStyle.detectAndParse(text.trim());
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive period, not " + text);
            }
            return new Schedule(text, every, null);
        } catch (IllegalArgumentException notAPeriod) {
            if (!CronExpression.isValidExpression(text.trim())) {
                throw new IllegalArgumentException(key + "='" + text + "' is neither a period (24h, PT6H) nor a"
                        + " cron expression of six fields (0 0 3 * * *)");
            }
            return new Schedule(text, null, CronExpression.parse(text.trim()));
        }
    }

    /** How long from {@code now} until the next run. */
    Duration untilNext(ZonedDateTime now) {
        if (every != null) {
            return every;
        }
        ZonedDateTime next = cron.next(now);
        return next == null ? Duration.ofDays(365) : Duration.between(now, next);
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneId.systemDefault());
    }
}
