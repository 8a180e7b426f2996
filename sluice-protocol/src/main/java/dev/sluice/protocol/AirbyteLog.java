package dev.sluice.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A LOG: {@code {"level": "INFO", "message": "..."}} with an optional stack trace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteLog(
        @JsonProperty("level") Level level,
        @JsonProperty("message") String message,
        @JsonProperty("stack_trace") @Nullable String stackTrace) implements AirbyteMessage {

    public AirbyteLog {
        requireNonNull(level, "level is null");
        requireNonNull(message, "message is null");
    }

    public AirbyteLog(Level level, String message) {
        this(level, message, null);
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.LOG;
    }

    /** Protocol log levels. */
    public enum Level { FATAL, ERROR, WARN, INFO, DEBUG, TRACE }
}
