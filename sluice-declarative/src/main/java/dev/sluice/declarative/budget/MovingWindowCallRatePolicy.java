package dev.sluice.declarative.budget;

import static java.util.Objects.requireNonNull;

import dev.sluice.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code limit} calls in any {@code interval} ending now, for each of its rates: it remembers when each
 * call went out (as long as the longest interval), so no moment frees a whole window at once.
 */
final class MovingWindowCallRatePolicy implements CallRatePolicy {

    /** {@code limit} calls in any {@code interval}. */
    record Rate(int limit, Duration interval) {
        Rate {
            requireNonNull(interval, "interval is null");
            if (limit < 1) {
                throw new IllegalArgumentException("a rate's limit must be at least 1, got " + limit);
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a rate's interval must be longer than zero, got " + interval);
            }
        }
    }

    /** Calls that went out together. */
    private record Call(Instant at, int weight) {
    }

    private final RequestMatchers matchers;
    private final List<Rate> rates;
    private final Duration longest;
    private final Clock clock;
    /** Oldest first. */
    private final Deque<Call> calls = new ArrayDeque<>();

    MovingWindowCallRatePolicy(RequestMatchers matchers, List<Rate> rates, Clock clock) {
        this.matchers = requireNonNull(matchers, "matchers is null");
        this.rates = List.copyOf(rates);
        this.clock = requireNonNull(clock, "clock is null");
        if (this.rates.isEmpty()) {
            throw new IllegalArgumentException("The list of rates can not be empty");
        }
        this.longest = this.rates.stream().map(Rate::interval).max(Duration::compareTo).orElseThrow();
        int lowest = this.rates.stream().mapToInt(Rate::limit).min().orElseThrow();
        if (matchers.maxWeight() > lowest) {
            throw new IllegalArgumentException("a matcher's weight (" + matchers.maxWeight()
                    + ") can not exceed the lowest configured rate limit (" + lowest + ")");
        }
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
        forgetOlderThan(now.minus(longest));
        Duration wait = Duration.ZERO;
        for (Rate rate : rates) {
            Duration forRate = waitFor(rate, weight, now);
            if (forRate.compareTo(wait) > 0) {
                wait = forRate;
            }
        }
        if (wait.isZero()) {
            calls.addLast(new Call(now, weight));
        }
        return wait;
    }

    /**
     * How long until {@code weight} more calls fit in {@code rate}: until enough of the oldest calls in its
     * window have left it.
     */
    private Duration waitFor(Rate rate, int weight, Instant now) {
        Instant windowStart = now.minus(rate.interval());
        int inWindow = 0;
        for (Call call : calls) {
            if (call.at().isAfter(windowStart)) {
                inWindow += call.weight();
            }
        }
        int excess = inWindow + weight - rate.limit();
        if (excess <= 0) {
            return Duration.ZERO;
        }
        for (Call call : calls) {
            if (call.at().isAfter(windowStart)) {
                excess -= call.weight();
                if (excess <= 0) {
                    Duration wait = Duration.between(now, call.at().plus(rate.interval()));
                    // Strictly after the call leaves the window, so a retry at that instant fits.
                    return wait.plusNanos(1);
                }
            }
        }
        return rate.interval();
    }

    private void forgetOlderThan(Instant start) {
        Iterator<Call> oldest = calls.iterator();
        while (oldest.hasNext() && !oldest.next().at().isAfter(start)) {
            oldest.remove();
        }
    }

    /**
     * The reference syncs with the API only when it says no calls are left without saying when they reset: then,
     * unless its first rate is already full, it records one more call now (call_rate.py
     * MovingWindowCallRatePolicy.update adds a single item whatever the shortfall).
     */
    @Override
    public synchronized void update(@Nullable Integer availableCalls, @Nullable Instant resetAt) {
        if (availableCalls == null || resetAt != null || availableCalls != 0) {
            return;
        }
        Instant now = clock.instant();
        forgetOlderThan(now.minus(longest));
        int recorded = calls.stream().mapToInt(Call::weight).sum();
        if (recorded < rates.get(0).limit()) {
            calls.addLast(new Call(now, 1));
        }
    }

    @Override
    public String toString() {
        return "MovingWindowCallRatePolicy" + rates;
    }
}
