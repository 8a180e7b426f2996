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
    /** Set once, like a cause: where in the connector's definition the failing component was declared. */
    private @Nullable String location;

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

    /**
     * Names the component the error came from, e.g. {@code at /streams/0/retriever/paginator, line 42}: the
     * internal message ends with it, the user message stays as it is. The first location given wins, so the
     * innermost component that knows its location names it.
     */
    public ConnectorException locatedAt(String where) {
        if (location == null) {
            location = requireNonNull(where, "where is null");
        }
        return this;
    }

    /** The location given to {@link #locatedAt}, or null. */
    public @Nullable String location() {
        return location;
    }

    /** The internal message, followed by the location when one was given. */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return location == null ? message : message + " (" + location + ")";
    }

    /** The text shown to users; {@link #getMessage()} holds the internal detail. */
    public String userMessage() {
        return userMessage;
    }
}
