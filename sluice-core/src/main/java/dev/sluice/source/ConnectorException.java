package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import org.jspecify.annotations.Nullable;

/**
 * Every error a user can cause or see. It always says who must act ({@link FailureType}) and carries two
 * texts: {@link #userMessage()} for the platform's UI and {@link #getMessage()} for the developer
 * (the TRACE's {@code internal_message}).
 *
 * <p>Subclasses are a small fixed set: {@link ConfigException}, {@link RecordException},
 * {@code HttpResponseException} and {@code ManifestException}.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureType failureType;
    private final String userMessage;

    public ConnectorException(FailureType failureType, String userMessage, String internalMessage,
            @Nullable Throwable cause) {
        super(internalMessage, cause);
        this.failureType = requireNonNull(failureType, "failureType is null");
        this.userMessage = requireNonNull(userMessage, "userMessage is null");
    }

    public ConnectorException(FailureType failureType, String message) {
        this(failureType, message, message, null);
    }

    public ConnectorException(FailureType failureType, String message, @Nullable Throwable cause) {
        this(failureType, message, message, cause);
    }

    public FailureType failureType() {
        return failureType;
    }

    /** The text shown to users; {@link #getMessage()} holds the internal detail. */
    public String userMessage() {
        return userMessage;
    }
}
