package dev.sluice.http;

import java.io.IOException;

/**
 * The verdict on one attempt: on a response, or on a transport failure (refused, reset, timed out, truncated).
 * It says what to do, not how often or how long to wait: that is the {@link RetryPolicy}'s.
 */
@FunctionalInterface
public interface ErrorClassifier {

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
}
