package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.http.Sleeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingSleeperTest {

    @Test
    void recordsWaitsInOrderWithoutSleeping() throws InterruptedException {
        RecordingSleeper recording = new RecordingSleeper();
        Sleeper sleeper = recording;
        long start = System.nanoTime();

        sleeper.sleep(Duration.ofHours(1));
        sleeper.sleep(Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        assertThat(recording.waits()).containsExactly(Duration.ofHours(1), Duration.ofSeconds(2));
        assertThat(recording.total()).isEqualTo(Duration.ofSeconds(3602));
    }

    @Test
    void advancingMovesTheClockByEachWait() {
        TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
        RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

        sleeper.sleep(Duration.ofSeconds(30));
        sleeper.sleep(Duration.ofSeconds(30));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    }

    @Test
    void waitsAreASnapshotAndClearForgetsThem() {
        RecordingSleeper sleeper = new RecordingSleeper();
        sleeper.sleep(Duration.ofSeconds(1));
        java.util.List<Duration> before = sleeper.waits();

        sleeper.clear();
        sleeper.sleep(Duration.ofSeconds(4));

        assertThat(before).containsExactly(Duration.ofSeconds(1));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
    }
}
