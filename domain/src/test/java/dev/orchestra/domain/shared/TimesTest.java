package dev.orchestra.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimesTest {
    @Test
    void givenRandomInstants_format_isThePatternsTextAndParsesBack() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant min = Instant.parse("0000-01-01T00:00:00Z");
        Instant max = Instant.parse("9999-12-31T23:59:59.999999999Z");
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(min.getEpochSecond()
                    + (long) (random.nextDouble() * (max.getEpochSecond() - min.getEpochSecond())),
                    random.nextInt(1_000_000_000));
            String text = Times.format(instant);
            assertThat(text).as("seed %d, %s", seed, instant).isEqualTo(Times.formatWithPattern(instant))
                    .hasSize(30);
            assertThat(Times.parse(text)).as("seed %d", seed).isEqualTo(instant);
        }
    }

    @Test
    void givenRandomInstants_iso_isWhatInstantToStringWrites() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant min = Instant.parse("-0100-01-01T00:00:00Z");
        Instant max = Instant.parse("+10100-12-31T23:59:59.999999999Z");
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(min.getEpochSecond()
                    + (long) (random.nextDouble() * (max.getEpochSecond() - min.getEpochSecond())), nano);
            assertThat(Times.iso(instant)).as("seed %d, %s", seed, instant).isEqualTo(instant.toString());
        }
        assertThat(Times.iso(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Times.iso(null)).isNull();
    }

    @Test
    void givenTheEdges_format_keepsEveryDigit() {
        assertThat(Times.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000000Z");
        assertThat(Times.format(Instant.parse("2026-03-01T10:15:30.123456789Z")))
                .isEqualTo("2026-03-01T10:15:30.123456789Z");
        assertThat(Times.format(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31T23:59:59.999999999Z");
        Instant beyond = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Times.format(beyond)).isEqualTo(Times.formatWithPattern(beyond));
        assertThat(Times.format(null)).isNull();
    }

    @Test
    void givenTextsOffTheCanonicalForm_parse_answersAsInstantParseDoes() {
        for (String text : List.of("2026-03-01T10:15:30Z", "2026-03-01T10:15:30.5Z", "2026-12-31T23:59:60.000000000Z",
                "+10000-01-01T00:00:00Z", "2026-03-01T10:15:30.123456789Z", "2026-03-01T24:00:00.000000000Z")) {
            assertThat(Times.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-30T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z",
                "2026-0a-01T00:00:00.000000000Z", "2026-03-01 10:15:30.123456789Z")) {
            assertThatThrownBy(() -> Times.parse(text)).as(text).isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(java.time.DateTimeException.class);
        }
    }
}
