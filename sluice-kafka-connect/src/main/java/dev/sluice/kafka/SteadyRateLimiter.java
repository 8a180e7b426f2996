package dev.sluice.kafka;

import dev.sluice.http.HttpRequest;
import dev.sluice.http.RateLimiter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} requests a second on average, at most {@code burst} at once after a quiet
 * spell, so that any window of {@code t} seconds holds at most {@code burst + perSecond * t} requests. Each caller
 * reserves the next free slot under the lock and waits for it outside, so callers on many threads queue in order
 * and none waits longer than its place in the queue. Thread-safe.
 */
final class SteadyRateLimiter implements RateLimiter {

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double nanosPerRequest;
    private final double capacity;
    private final LongSupplier nanoTime;
    /** Requests that may go out now; below zero when callers already wait for slots ahead. */
    private double tokens;
    private long updated;

    SteadyRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number of requests a second: " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst must be at least one request: " + burst);
        }
        this.nanosPerRequest = NANOS_PER_SECOND / perSecond;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updated = nanoTime.getAsLong();
    }

    SteadyRateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    @Override
    public void acquire(HttpRequest request) throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Takes the next slot; returns how many nanoseconds from now it begins. */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - updated) / nanosPerRequest);
        updated = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerRequest);
    }
}
