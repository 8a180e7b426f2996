package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/** The verdict on one attempt: an action, and for failures who must act and a message. */
public record ErrorResolution(ResponseAction action, @Nullable FailureType failureType, @Nullable String message) {

    public static final ErrorResolution SUCCESS = new ErrorResolution(ResponseAction.SUCCESS, null, null);

    public ErrorResolution {
        requireNonNull(action, "action is null");
    }

    public static ErrorResolution of(ResponseAction action, FailureType failureType, String message) {
        return new ErrorResolution(action, failureType, message);
    }

    public boolean isRetry() {
        return action == ResponseAction.RETRY || action == ResponseAction.RATE_LIMITED
                || action == ResponseAction.REFRESH_TOKEN_THEN_RETRY;
    }
}
