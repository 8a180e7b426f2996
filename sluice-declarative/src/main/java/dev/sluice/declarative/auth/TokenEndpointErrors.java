package dev.sluice.declarative.auth;

import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorMessages;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.http.RetryPolicy;
import dev.sluice.protocol.FailureType;
import java.time.Duration;
import java.util.List;

/**
 * How the reference treats its token endpoint: 429 and 5xx (and transport failures) are retried with
 * exponential backoff for up to 300 s; a rejected refresh token ({@link RefreshTokenErrors}) is a
 * {@code config_error}; any other error status fails at once. Messages never carry the credentials sent: known
 * secret values echoed in an error body are masked.
 */
final class TokenEndpointErrors implements ErrorClassifier {

    static final String REJECTED = "Refresh token is invalid or expired. Please re-authenticate from "
            + "Sources/<your source>/Settings.";
    /** 1 + 2 + ... + 128 s of waiting stays within the reference's 300 s budget. */
    static final RetryPolicy RETRY_POLICY = new RetryPolicy(8, Duration.ofSeconds(300), List.of());

    private final RefreshTokenErrors refreshTokenErrors;
    private final List<String> secrets;

    TokenEndpointErrors(RefreshTokenErrors refreshTokenErrors, List<String> secrets) {
        this.refreshTokenErrors = refreshTokenErrors;
        this.secrets = secrets.stream().filter(secret -> secret.length() >= 4).toList();
    }

    @Override
    public ErrorResolution classify(HttpResponse response) {
        int status = response.status();
        if (status < 400) {
            return ErrorResolution.SUCCESS;
        }
        if (status == 429 || status >= 500) {
            return ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR,
                    "The OAuth token endpoint answered HTTP " + status + detail(response));
        }
        if (refreshTokenErrors.matches(response)) {
            return ErrorResolution.of(ResponseAction.FAIL, FailureType.CONFIG_ERROR, REJECTED);
        }
        return ErrorResolution.of(ResponseAction.FAIL, FailureType.SYSTEM_ERROR,
                "OAuth access token refresh request failed with HTTP " + status + detail(response));
    }

    /** The provider's error text, with any credential it echoes masked. */
    String detail(HttpResponse response) {
        String text = ErrorMessages.describe(response);
        for (String secret : secrets) {
            text = text.replace(secret, "****");
        }
        return text.isEmpty() ? "" : ": " + text;
    }
}
