package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Optional;

/**
 * The opaque checkpoint of one stream ({@code stream_state}), e.g. {@code {"updated_at": "2024-01-01"}}.
 * Treated as immutable: never mutate {@link #json()}; use {@link #with} to derive a new state.
 */
public record StreamState(ObjectNode json) {

    /** Marks a resumable full refresh that read every page. */
    public static final String FULL_REFRESH_COMPLETE = "__ab_full_refresh_sync_complete";
    /** The state of a stream without a cursor, emitted once at its end. */
    public static final String NO_CURSOR = "__ab_no_cursor_state_message";

    public StreamState {
        requireNonNull(json, "json is null");
    }

    public static StreamState empty() {
        return new StreamState(Json.object());
    }

    public static StreamState of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return empty();
        }
        if (!node.isObject()) {
            throw new ConfigException("A stream state must be a JSON object, got " + node.getNodeType());
        }
        return new StreamState((ObjectNode) node);
    }

    /** {@code {"__ab_no_cursor_state_message": true}}. */
    public static StreamState noCursor() {
        ObjectNode node = Json.object();
        node.put(NO_CURSOR, true);
        return new StreamState(node);
    }

    /** {@code {"__ab_full_refresh_sync_complete": true}}. */
    public static StreamState fullRefreshComplete() {
        ObjectNode node = Json.object();
        node.put(FULL_REFRESH_COMPLETE, true);
        return new StreamState(node);
    }

    public boolean isEmpty() {
        return json.isEmpty();
    }

    public boolean isFullRefreshComplete() {
        return json.path(FULL_REFRESH_COMPLETE).asBoolean(false);
    }

    /** {@code {"__ab_no_cursor_state_message": true}}: a stream without a cursor read to its end. */
    public boolean isNoCursor() {
        return json.path(NO_CURSOR).asBoolean(false);
    }

    public Optional<JsonNode> get(String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public StreamState with(String key, JsonNode value) {
        ObjectNode copy = json.deepCopy();
        copy.set(key, value);
        return new StreamState(copy);
    }
}
