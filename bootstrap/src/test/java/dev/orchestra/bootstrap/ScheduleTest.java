package dev.orchestra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 1, 2, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void givenAPeriod_untilNext_isThePeriod() {
        assertThat(Schedule.parse("k", "24h").untilNext(NOW)).isEqualTo(Duration.ofHours(24));
        assertThat(Schedule.parse("k", "PT6H").untilNext(NOW)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void givenACron_untilNext_isTheTimeToItsNextMoment() {
        assertThat(Schedule.parse("k", "0 0 3 * * *").untilNext(NOW)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Schedule.parse("k", "0 0 2 * * *").untilNext(NOW)).isEqualTo(Duration.ofHours(23).plusMinutes(30));
    }

    @Test
    void givenNonsense_parse_namesTheKeyAndBothForms() {
        assertThatThrownBy(() -> Schedule.parse("orchestra.backup.schedule", "nightly"))
                .hasMessageContaining("orchestra.backup.schedule='nightly'").hasMessageContaining("24h")
                .hasMessageContaining("0 0 3 * * *");
        assertThatThrownBy(() -> Schedule.parse("orchestra.backup.schedule", "-1h"))
                .hasMessageContaining("neither a period");
        assertThatThrownBy(() -> Schedule.parse("orchestra.backup.schedule", " ")).hasMessageContaining("is empty");
    }
}
