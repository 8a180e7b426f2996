package dev.sluice.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until the test moves it: token expiries, cursor windows and progress rates are
 * tested by {@link #advance advancing} it, never by waiting.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
 * Authenticator authenticator = spec.build(contextWith(clock));
 * clock.advance(Duration.ofHours(1));   // the token has expired now
 * }</pre>
 *
 * <p>Always in UTC; {@link #withZone} returns this same clock, so code that asks for another zone still sees the
 * test's time. Thread-safe: a read running on another thread sees the latest instant.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    private TestClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start is null");
    }

    /** A clock standing at {@code start}. */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2024-01-01T00:00:00Z}. */
    public static TestClock at(String start) {
        return new TestClock(Instant.parse(start));
    }

    /** A clock standing at the epoch, for tests that count elapsed time only. */
    public static TestClock atEpoch() {
        return new TestClock(Instant.EPOCH);
    }

    /** Moves the clock forward (or back, with a negative duration) and returns the new instant. */
    public synchronized Instant advance(Duration duration) {
        now = now.plus(Objects.requireNonNull(duration, "duration is null"));
        return now;
    }

    /** Puts the clock at {@code instant}. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant is null");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "TestClock[" + now + "]";
    }
}
