package dev.sluice.builder.testread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened during a test read, in order: what the reference's test reader sees as the stream of
 * messages it groups (HTTP logs, slice logs, records, states, errors, config updates).
 */
sealed interface ReadEvent {

    /** A response arrived for a request labelled {@code label} (every attempt, retried ones included). */
    record Exchange(ExchangeLabel label, HttpRequest request, HttpResponse response) implements ReadEvent {
    }

    /** A slice begins; {@code descriptor} is its partition and cursor window, or null when it has neither. */
    record SliceStarted(@Nullable ObjectNode descriptor) implements ReadEvent {
    }

    record RecordRead(ObjectNode data) implements ReadEvent {
    }

    /** A state message, in the reference's shape. */
    record StateEmitted(JsonNode message) implements ReadEvent {
    }

    /** A log line (the read's failure among them). */
    record Logged(LogMessageView log) implements ReadEvent {
    }

    /** The config as a CONTROL message would carry it. */
    record ConfigUpdated(ObjectNode config) implements ReadEvent {
    }
}
