package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Airbyte state ↔ Connect source offset. The state is stored whole, as JSON text under {@code "state"}, so any
 * shape (cursor values, per-partition states, page tokens) round-trips exactly. A unit of a split history also
 * stores its split ({@code "split"}), and a bounded unit read to its end {@code "complete": true}.
 */
final class OffsetCodec {

    /** What an offset holds. */
    record Stored(StreamState state, @Nullable String split, boolean complete) {
    }

    private static final Logger log = LoggerFactory.getLogger(OffsetCodec.class);
    private static final String STATE = "state";
    private static final String SPLIT = "split";
    private static final String COMPLETE = "complete";

    private OffsetCodec() {
    }

    static Map<String, Object> encode(StreamState state) {
        return encode(state, null, false);
    }

    static Map<String, Object> encode(StreamState state, @Nullable String split, boolean complete) {
        Map<String, Object> offset = new TreeMap<>();
        offset.put(STATE, Json.write(state.json()));
        if (split != null) {
            offset.put(SPLIT, split);
        }
        if (complete) {
            offset.put(COMPLETE, true);
        }
        return Collections.unmodifiableMap(offset);
    }

    /** The stored offset; null for none (a first run) or an unreadable one (logged: the unit starts from scratch). */
    static @Nullable Stored decode(@Nullable Map<String, Object> offset) {
        if (offset == null || !(offset.get(STATE) instanceof String text)) {
            return null;
        }
        try {
            String split = offset.get(SPLIT) instanceof String stored ? stored : null;
            return new Stored(StreamState.of(Json.parse(text)), split, Boolean.TRUE.equals(offset.get(COMPLETE)));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Ignoring an unreadable stored offset ({}); the unit starts from scratch", e.getMessage());
            return null;
        }
    }
}
