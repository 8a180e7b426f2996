package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The CONNECTION_STATUS payload of {@code check}: {@code {"status": "FAILED", "message": "..."}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionStatus(
        @JsonProperty("status") Status status,
        @JsonProperty("message") @Nullable String message) implements AirbyteMessage {

    public ConnectionStatus {
        requireNonNull(status, "status is null");
    }

    public static ConnectionStatus succeeded() {
        return new ConnectionStatus(Status.SUCCEEDED, null);
    }

    public static ConnectionStatus failed(String message) {
        return new ConnectionStatus(Status.FAILED, message);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.CONNECTION_STATUS;
    }

    /** Outcome of a connection check. */
    public enum Status { SUCCEEDED, FAILED }
}
