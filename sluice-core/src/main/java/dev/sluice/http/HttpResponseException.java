package dev.sluice.http;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/**
 * A request failed for good: an error status that is not retried, or retries exhausted. Carries the status
 * (0 for transport failures) and the request it was about.
 */
public class HttpResponseException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String request;

    public HttpResponseException(FailureType failureType, String userMessage, String internalMessage, int status,
            String request, @Nullable Throwable cause) {
        super(failureType, userMessage, internalMessage, cause);
        this.status = status;
        this.request = request;
    }

    /** The HTTP status of the last attempt, or 0 when it got no response. */
    public int status() {
        return status;
    }

    /** {@code GET https://...} of the failed request. */
    public String request() {
        return request;
    }
}
