package dev.sluice.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tracks the greatest cursor value seen, for incremental streams whose state is {@code {<cursor>: <value>}}.
 * Numbers compare numerically, everything else by its text (ISO-8601 timestamps in one format sort as text).
 * Not thread-safe: one tracker per read.
 */
public final class CursorTracker {

    private final List<String> cursorField;
    private @Nullable JsonNode max;

    /** Starts from the cursor value in {@code state}, if any. */
    public CursorTracker(List<String> cursorField, StreamState state) {
        if (cursorField.isEmpty()) {
            throw new IllegalArgumentException("an incremental stream needs a cursor field");
        }
        this.cursorField = List.copyOf(cursorField);
        JsonNode start = state.json().get(stateKey());
        this.max = start == null || start.isNull() ? null : start;
    }

    /** The state key: the cursor path's last element, as the reference writes {@code {"updated_at": ...}}. */
    public String stateKey() {
        return cursorField.get(cursorField.size() - 1);
    }

    public @Nullable JsonNode current() {
        return max;
    }

    /** The record's cursor value, or null when absent. */
    public @Nullable JsonNode valueOf(ObjectNode record) {
        JsonNode node = record;
        for (String part : cursorField) {
            node = node.get(part);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    public void observe(ObjectNode record) {
        JsonNode value = valueOf(record);
        if (value != null && (max == null || compare(value, max) > 0)) {
            max = value;
        }
    }

    /** True when the record's cursor value is strictly greater than {@code bound} (null bound: always). */
    public boolean isAfter(ObjectNode record, @Nullable JsonNode bound) {
        JsonNode value = valueOf(record);
        return bound == null || value == null || compare(value, bound) > 0;
    }

    /** {@code base} with the cursor key set to the greatest value seen (unchanged when none was seen). */
    public StreamState stateFrom(StreamState base) {
        return max == null ? base : base.with(stateKey(), max);
    }

    static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareTo(b.asText());
    }
}
