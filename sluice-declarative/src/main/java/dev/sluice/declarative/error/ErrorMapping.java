package dev.sluice.declarative.error;

import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/**
 * The reference's {@code DEFAULT_ERROR_MAPPING} with its exact messages, which declarative error handlers and
 * response filters report, and its fallback for any other failed status (retried as a {@code system_error}).
 */
final class ErrorMapping {

    private static final int MAX_CONTENT = 500;

    private ErrorMapping() {
    }

    /** The mapped resolution of a status, or null when the reference maps none. */
    static @Nullable ErrorResolution mapped(int status) {
        return switch (status) {
            case 400 -> fail(FailureType.SYSTEM_ERROR, status, "Bad request. Please check your request parameters.");
            case 401 -> fail(FailureType.CONFIG_ERROR, status,
                    "Unauthorized. Please ensure you are authenticated correctly.");
            case 403 -> fail(FailureType.CONFIG_ERROR, status,
                    "Forbidden. You don't have permission to access this resource.");
            case 404 -> fail(FailureType.SYSTEM_ERROR, status,
                    "Not found. The requested resource was not found on the server.");
            case 405 -> fail(FailureType.SYSTEM_ERROR, status, "Method not allowed. Please check your request method.");
            case 408 -> retry(status, "Request timeout.");
            case 429 -> ErrorResolution.of(ResponseAction.RATE_LIMITED, FailureType.TRANSIENT_ERROR,
                    message(status, "Too many requests."));
            case 500 -> retry(status, "Internal server error.");
            case 502 -> retry(status, "Bad gateway.");
            case 503 -> retry(status, "Service unavailable.");
            case 504 -> retry(status, "Gateway timeout.");
            default -> null;
        };
    }

    /** What the reference's default handler does with a response no filter matched. */
    static ErrorResolution classify(HttpResponse response) {
        if (response.isSuccessful()) {
            return ErrorResolution.SUCCESS;
        }
        ErrorResolution mapped = mapped(response.status());
        return mapped != null ? mapped : fallback(response);
    }

    /** {@code requests}' {@code raise_for_status} text, as the reference's fallback quotes it. */
    private static ErrorResolution fallback(HttpResponse response) {
        String kind = response.status() < 500 ? "Client Error" : "Server Error";
        String content = response.bodyText();
        if (content.length() > MAX_CONTENT) {
            content = content.substring(0, MAX_CONTENT) + "...";
        }
        return ErrorResolution.of(ResponseAction.RETRY, FailureType.SYSTEM_ERROR, "Response was not ok: `"
                + response.status() + " " + kind + " for url: " + response.request().uri() + "`. Response content is: "
                + content);
    }

    private static ErrorResolution fail(FailureType type, int status, String text) {
        return ErrorResolution.of(ResponseAction.FAIL, type, message(status, text));
    }

    private static ErrorResolution retry(int status, String text) {
        return ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR, message(status, text));
    }

    private static String message(int status, String text) {
        return "HTTP Status Code: " + status + ". Error: " + text;
    }
}
