package dev.sluice.builder.testread;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * A log line of a test read: {@code message}, {@code level} ({@code INFO}, {@code WARN}, {@code ERROR}, ...),
 * and for errors the {@code internal_message} and {@code stacktrace} (the reference's {@code LogMessage}).
 */
public record LogMessageView(String message, String level, @Nullable String internalMessage,
        @Nullable String stacktrace) {

    public LogMessageView {
        requireNonNull(message, "message is null");
        requireNonNull(level, "level is null");
    }

    public static LogMessageView of(String level, String message) {
        return new LogMessageView(message, level, null, null);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("message", message);
        node.put("level", level);
        node.put("internal_message", internalMessage);
        node.put("stacktrace", stacktrace);
        return node;
    }
}
