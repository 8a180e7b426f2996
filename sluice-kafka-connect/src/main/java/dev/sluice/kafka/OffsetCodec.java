package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Airbyte state ↔ Connect source offset. The state is stored whole, as JSON text under {@code "state"}, so any
 * shape (cursor values, per-partition states, page tokens) round-trips exactly.
 */
final class OffsetCodec {

    private static final Logger log = LoggerFactory.getLogger(OffsetCodec.class);
    private static final String KEY = "state";

    private OffsetCodec() {
    }

    static Map<String, String> encode(StreamState state) {
        return Map.of(KEY, Json.write(state.json()));
    }

    /** The state in a stored offset; empty for no offset (a first run) or an unreadable one (logged). */
    static StreamState decode(@Nullable Map<String, Object> offset) {
        if (offset == null || !(offset.get(KEY) instanceof String text)) {
            return StreamState.empty();
        }
        try {
            return StreamState.of(Json.parse(text));
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Ignoring an unreadable stored offset ({}); the stream starts from scratch", e.getMessage());
            return StreamState.empty();
        }
    }
}
