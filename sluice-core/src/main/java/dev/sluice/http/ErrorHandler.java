package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What a requester is configured with: a classifier for each attempt and the policy for retrying. A declarative
 * {@code error_handler} builds one; {@link HttpExecutor} uses the two parts in different steps. Not itself a
 * classifier: where only a classifier is taken, {@link #classifier()} says so, and the retry policy cannot be
 * dropped unnoticed.
 */
public record ErrorHandler(ErrorClassifier classifier, RetryPolicy retryPolicy) {

    public ErrorHandler {
        requireNonNull(classifier, "classifier is null");
        requireNonNull(retryPolicy, "retryPolicy is null");
    }

    /** The classifier with the default retry policy. */
    public static ErrorHandler of(ErrorClassifier classifier) {
        return new ErrorHandler(classifier, RetryPolicy.DEFAULT);
    }

    /** Backoff strategies to ask, in order, before the default exponential wait. */
    public List<BackoffStrategy> backoffStrategies() {
        return retryPolicy.backoffStrategies();
    }

    /** Retries after the first attempt. */
    public int maxRetries() {
        return retryPolicy.maxRetries();
    }

    /** The longest time spent retrying one request (rate-limit waits excepted). */
    public Duration maxRetryTime() {
        return retryPolicy.maxRetryTime();
    }
}
