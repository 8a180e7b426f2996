package dev.sluice.testkit;

import dev.sluice.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Sleeper} that records every wait instead of sleeping, so retry and backoff tests run at full speed
 * and assert on the exact waits.
 *
 * <pre>{@code
 * RecordingSleeper sleeper = new RecordingSleeper();
 * // ... run with sleeper; the API answered 503, 503, 200
 * assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>{@link #advancing(TestClock)} also moves a test clock by each wait, for code that reads the clock after a
 * wait (a rate limit window, a token that expires during a backoff). Thread-safe: concurrent reads record all
 * their waits; {@link #waits()} returns a snapshot in the order they were recorded.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private final @Nullable TestClock clock;

    /** Records waits; no clock moves. */
    public RecordingSleeper() {
        this.clock = null;
    }

    private RecordingSleeper(TestClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** Records waits and advances {@code clock} by each one, as a real sleep would let time pass. */
    public static RecordingSleeper advancing(TestClock clock) {
        return new RecordingSleeper(clock);
    }

    @Override
    public void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration is null");
        synchronized (waits) {
            waits.add(duration);
        }
        if (clock != null) {
            clock.advance(duration);
        }
    }

    /** Every wait asked for so far, in order. */
    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }

    /** The sum of every wait so far. */
    public Duration total() {
        return waits().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Forgets the waits recorded so far (for a class-wide sleeper reused across tests). */
    public void clear() {
        synchronized (waits) {
            waits.clear();
        }
    }
}
