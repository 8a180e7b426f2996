package dev.sluice.declarative.budget;

import static java.util.Objects.requireNonNull;

import dev.sluice.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code callLimit} calls per {@code period}, counted in windows that start afresh at each reset. The API's
 * headers move the reset and lower (never raise) the calls left, so a budget below the API's own limit stays
 * below it.
 */
final class FixedWindowCallRatePolicy implements CallRatePolicy {

    private final RequestMatchers matchers;
    private final Duration period;
    private final int callLimit;
    private final Clock clock;
    private Instant nextReset;
    private int calls;

    FixedWindowCallRatePolicy(RequestMatchers matchers, Duration period, int callLimit, Clock clock) {
        this.matchers = requireNonNull(matchers, "matchers is null");
        this.period = requireNonNull(period, "period is null");
        this.callLimit = callLimit;
        this.clock = requireNonNull(clock, "clock is null");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be longer than zero, got " + period);
        }
        if (callLimit < 1) {
            throw new IllegalArgumentException("call_limit must be at least 1, got " + callLimit);
        }
        if (matchers.maxWeight() > callLimit) {
            throw new IllegalArgumentException("a matcher's weight (" + matchers.maxWeight()
                    + ") can not exceed the call limit (" + callLimit + ")");
        }
        // The reference starts the first window ten days ahead, to be corrected by the first response's reset
        // header; without that header it would allow call_limit calls and then wait ten days. Sluice's first
        // window is one period long, and a reset header still moves it.
        this.nextReset = clock.instant().plus(period);
    }

    @Override
    public boolean matches(HttpRequest request) {
        return matchers.match(request);
    }

    @Override
    public int weight(HttpRequest request) {
        return matchers.weight(request);
    }

    @Override
    public synchronized Duration tryAcquire(int weight) {
        Instant now = clock.instant();
        startCurrentWindow(now);
        if (calls + weight > callLimit) {
            return Duration.between(now, nextReset);
        }
        calls += weight;
        return Duration.ZERO;
    }

    @Override
    public synchronized void update(@Nullable Integer availableCalls, @Nullable Instant resetAt) {
        startCurrentWindow(clock.instant());
        if (availableCalls != null && callLimit - calls > availableCalls) {
            calls = callLimit - availableCalls;
        }
        if (resetAt != null) {
            nextReset = resetAt;
        }
    }

    /** Past the reset, a new window with every call available; it ends a whole number of periods later. */
    private void startCurrentWindow(Instant now) {
        if (now.isAfter(nextReset)) {
            long periodsPassed = Duration.between(nextReset, now).toNanos() / period.toNanos() + 1;
            nextReset = nextReset.plus(period.multipliedBy(periodsPassed));
            calls = 0;
        }
    }

    @Override
    public String toString() {
        return "FixedWindowCallRatePolicy[" + callLimit + " per " + period + "]";
    }
}
