package dev.sluice.http;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/** The errors a request ends with, and their messages. */
final class RequestFailures {

    private RequestFailures() {
    }

    /** Failed for good on the classifier's word. */
    static HttpResponseException failed(HttpRequest request, Outcome.Verdict verdict) {
        ErrorResolution resolution = verdict.resolution();
        int status = verdict.status();
        String message = withApiMessage(resolution.message() != null ? resolution.message()
                : "Request failed with HTTP status " + status, verdict.response());
        String internal = "'" + request.method() + "' request to '" + request.uri() + "' failed with status code '"
                + status + "': " + message;
        return new HttpResponseException(failureType(resolution), message + " (" + request.describe() + ")", internal,
                status, request.describe(), verdict.failure());
    }

    /** The error handler asked for the slice's pagination to restart: {@link #failed}'s error, marked as such. */
    static PaginationResetRequiredException resetPagination(HttpRequest request, Outcome.Verdict verdict) {
        HttpResponseException failed = failed(request, verdict);
        return new PaginationResetRequiredException(failed.failureType(), failed.userMessage(), failed.getMessage(),
                failed.status(), failed.request(), verdict.failure());
    }

    /** Out of retries (or of retry time) after {@code attempts} attempts. */
    static HttpResponseException exhausted(HttpRequest request, Outcome.Verdict verdict, int attempts) {
        int status = verdict.status();
        if (status == 429) {
            return new HttpResponseException(FailureType.TRANSIENT_ERROR,
                    "API rate limit exceeded. (" + request.describe() + ", " + attempts + " attempts)",
                    "Rate limited on every attempt of " + request.describe(), status, request.describe(),
                    verdict.failure());
        }
        ErrorResolution resolution = verdict.resolution();
        String reason = withApiMessage(resolution.message() == null ? "HTTP " + status : resolution.message(),
                verdict.response());
        String message = "Exhausted available request attempts (" + attempts + ") for " + request.describe()
                + ". Last error: " + reason;
        return new HttpResponseException(failureType(resolution), message, message, status, request.describe(),
                verdict.failure());
    }

    /** A body over the size limit: not retried, a system error. */
    static HttpResponseException tooLarge(HttpRequest request, HttpTransport.ResponseTooLargeException e) {
        return new HttpResponseException(FailureType.SYSTEM_ERROR, e.getMessage(), e.getMessage(), 0,
                request.describe(), e);
    }

    static ConnectorException interrupted(HttpRequest request, Exception cause) {
        return new ConnectorException(FailureType.TRANSIENT_ERROR, "Interrupted while sending "
                + request.describe(), cause);
    }

    private static FailureType failureType(ErrorResolution resolution) {
        return resolution.failureType() == null ? FailureType.SYSTEM_ERROR : resolution.failureType();
    }

    /**
     * The handler's message and what the API itself said in the body, when the message does not quote it yet: the
     * reference's mapped messages ("Bad request. Please check your request parameters.") name no cause, and the
     * cause is usually in the body. The reference keeps it for the internal message only; users read the message.
     */
    private static String withApiMessage(String message, @Nullable HttpResponse response) {
        if (response == null || response.isSuccessful() || response.body().length == 0) {
            return message;
        }
        String said = ErrorMessages.describe(response);
        return said.isEmpty() || message.contains(said) ? message : message + " The API said: " + said;
    }
}
