package dev.sluice.declarative.budget;

import dev.sluice.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One policy of a budget: the requests it applies to, and how many of them may go out when. Thread-safe. */
interface CallRatePolicy {

    /** Whether this policy applies to {@code request}. */
    boolean matches(HttpRequest request);

    /** How many calls {@code request} costs: the weight of the first matcher that matches it, else 1. */
    int weight(HttpRequest request);

    /**
     * Takes {@code weight} calls if they are available now and returns {@link Duration#ZERO}; otherwise takes
     * nothing and returns how long to wait before they may be.
     */
    Duration tryAcquire(int weight);

    /**
     * What the API said about its limit: the calls left (null when it did not say) and when the limit resets (null
     * when it did not say).
     */
    void update(@Nullable Integer availableCalls, @Nullable Instant resetAt);
}
