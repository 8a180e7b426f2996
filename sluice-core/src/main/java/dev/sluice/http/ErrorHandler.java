package dev.sluice.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Classifies each attempt. The default for a response is {@link DefaultErrorMapping}; for a transport failure
 * (refused, reset, timed out, truncated) it is a transient retry.
 */
public interface ErrorHandler {

    /** The verdict on a response. */
    ErrorResolution classify(HttpResponse response);

    /** The verdict on a transport failure; transient and retried by default. */
    default ErrorResolution classify(HttpRequest request, IOException failure) {
        return DefaultErrorMapping.forTransportFailure(failure);
    }

    /**
     * Whether {@link #classify(HttpResponse)} reads the body of a successful (status below 400) response. When it
     * does not, successful bodies can be streamed to the reader without reading them into memory first.
     */
    default boolean inspectsSuccessfulBodies() {
        return false;
    }

    /** Backoff strategies to ask, in order, before the default exponential wait. */
    default List<BackoffStrategy> backoffStrategies() {
        return List.of();
    }

    /** Retries after the first attempt; the reference's default is 5. */
    default int maxRetries() {
        return 5;
    }

    /** The longest time spent retrying one request (rate-limit waits excepted); the reference's is 600 s. */
    default Duration maxRetryTime() {
        return Duration.ofSeconds(600);
    }
}
