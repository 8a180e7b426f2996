package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void standsStillUntilAdvanced() {
        TestClock clock = TestClock.at("2024-01-01T00:00:00Z");

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant());

        assertThat(clock.advance(Duration.ofMinutes(90))).isEqualTo(Instant.parse("2024-01-01T01:30:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T01:30:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2024-01-01T01:30:00Z").toEpochMilli());
    }

    @Test
    void canBeSetAndStartsAtTheEpoch() {
        TestClock clock = TestClock.atEpoch();
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);

        clock.set(Instant.parse("2030-06-01T12:00:00Z"));
        clock.advance(Duration.ofMillis(-1));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T11:59:59.999Z"));
    }

    @Test
    void isUtcAndStaysTheSameClockInAnotherZone() {
        TestClock clock = TestClock.at(Instant.EPOCH);
        java.time.Clock zoned = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofSeconds(5));

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(zoned.instant()).isEqualTo(Instant.ofEpochSecond(5));
    }
}
