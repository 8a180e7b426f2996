package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How often and how long a request is retried: at most {@code maxRetries} retries after the first attempt, and
 * no retry whose wait would end past {@code maxRetryTime} after the first attempt began (rate-limited retries
 * excepted: an API that says "later" is waited for). Each wait is the first positive one a backoff strategy
 * proposes, else {@code 2^(n-1)} seconds before retry {@code n}. The reference's defaults are 5 retries and 600 s.
 * A negative {@code maxRetries} (a manifest may say so) means no retries.
 */
public record RetryPolicy(int maxRetries, Duration maxRetryTime, List<BackoffStrategy> backoffStrategies) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(600), List.of());

    public RetryPolicy {
        requireNonNull(maxRetryTime, "maxRetryTime is null");
        backoffStrategies = List.copyOf(backoffStrategies);
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, maxRetryTime, backoffStrategies);
    }

    public RetryPolicy withMaxRetryTime(Duration time) {
        return new RetryPolicy(maxRetries, time, backoffStrategies);
    }

    public RetryPolicy withBackoffStrategies(List<BackoffStrategy> strategies) {
        return new RetryPolicy(maxRetries, maxRetryTime, strategies);
    }

    /**
     * The wait before retry {@code retry} (1 for the first).
     *
     * @param response the response that failed, or null after a transport failure
     */
    public Duration backoff(@Nullable HttpResponse response, int retry) {
        for (BackoffStrategy strategy : backoffStrategies) {
            Optional<Duration> wait = strategy.backoff(response, retry);
            if (wait.isPresent() && !wait.get().isZero() && !wait.get().isNegative()) {
                return wait.get();
            }
        }
        return Duration.ofSeconds(1L << Math.min(retry - 1, 20));
    }

    /**
     * The wait before retry {@code retry} (1 for the first), or empty when the policy allows no such retry: past
     * {@code maxRetries}, or ending past {@code maxRetryTime} after {@code elapsed} (unless rate limited). The
     * backoff strategies are not asked when the retries are used up.
     */
    public Optional<Duration> nextWait(@Nullable HttpResponse response, int retry, Duration elapsed,
            boolean rateLimited) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        Duration wait = backoff(response, retry);
        if (!rateLimited && elapsed.plus(wait).compareTo(maxRetryTime) > 0) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }
}
