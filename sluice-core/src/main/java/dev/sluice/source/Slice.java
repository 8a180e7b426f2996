package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;

/** One unit of a stream's work, e.g. a date window {@code {"start": ..., "end": ...}} or a parent id. */
public record Slice(ObjectNode values) {

    public static final Slice EMPTY = new Slice(Json.object());

    public Slice {
        requireNonNull(values, "values is null");
    }

    public String get(String key) {
        return values.path(key).asText();
    }
}
