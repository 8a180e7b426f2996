package dev.sluice.http;

import dev.sluice.protocol.FailureType;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The reference's default HTTP status mapping: 400/404/405 fail (system), 401/403 fail (config), 408 and
 * 5xx retry (transient), 429 is rate limited (transient), any other status ≥ 400 retries (system). Transport
 * failures are transient here, where the reference calls them system errors (compatibility notes §4).
 */
public final class DefaultErrorMapping implements ErrorClassifier {

    public static final DefaultErrorMapping INSTANCE = new DefaultErrorMapping();

    private DefaultErrorMapping() {
    }

    @Override
    public ErrorResolution classify(HttpResponse response) {
        // A successful body is not searched for an error message: that would parse every page twice.
        return response.isSuccessful() ? ErrorResolution.SUCCESS
                : forStatus(response.status(), ErrorMessages.describe(response));
    }

    /** The mapping for one status; {@code detail} is the parsed error message of the body, if any. */
    public static ErrorResolution forStatus(int status, String detail) {
        if (status < 400) {
            return ErrorResolution.SUCCESS;
        }
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        return switch (status) {
            case 400 -> ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR,
                    "Bad request. Please check your request parameters" + suffix);
            case 401 -> ErrorResolution.of(ResponseAction.FAIL, FailureType.CONFIG_ERROR,
                    "Unauthorized. Please ensure you are authenticated correctly" + suffix);
            case 403 -> ErrorResolution.of(ResponseAction.FAIL, FailureType.CONFIG_ERROR,
                    "Forbidden. You don't have permission to access this resource" + suffix);
            case 404 -> ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR,
                    "Not found. The requested resource was not found on the server" + suffix);
            case 405 -> ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR,
                    "Method not allowed. Please check your request method" + suffix);
            case 408 -> ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR,
                    "Request timeout" + suffix);
            case 429 -> ErrorResolution.of(ResponseAction.RATE_LIMITED, FailureType.TRANSIENT_ERROR,
                    "Too many requests" + suffix);
            case 500, 502, 503, 504 -> ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR,
                    "Internal server error (HTTP " + status + ")" + suffix);
            default -> ErrorResolution.of(ResponseAction.RETRY, FailureType.SYSTEM_ERROR,
                    "Unexpected HTTP status code " + status + suffix);
        };
    }

    /** Refused, reset, timed out or truncated: worth retrying. */
    public static ErrorResolution forTransportFailure(IOException failure) {
        String kind = failure instanceof HttpTimeoutException ? "Request timed out" : "Connection failed";
        return ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR,
                kind + ": " + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
