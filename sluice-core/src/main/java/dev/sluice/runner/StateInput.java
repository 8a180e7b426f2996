package dev.sluice.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.source.ConfigException;
import dev.sluice.source.StreamState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --state} input: a JSON array of state messages. STREAM entries are indexed by stream; a single
 * GLOBAL entry contributes its {@code stream_states} (a non-empty {@code shared_state} is refused, as API
 * sources never use one); LEGACY entries are ignored, as the reference does.
 */
public record StateInput(Map<StreamDescriptor, StreamState> streams) {

    public StateInput {
        streams = Map.copyOf(streams);
    }

    public static StateInput empty() {
        return new StateInput(Map.of());
    }

    /** The state of a stream, {@code {}} when the input has none. */
    public StreamState get(StreamDescriptor stream) {
        return streams.getOrDefault(stream, StreamState.empty());
    }

    public static StateInput parse(JsonNode input) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return empty();
        }
        if (!input.isArray()) {
            throw new ConfigException("The state must be a JSON array of state messages");
        }
        Map<StreamDescriptor, StreamState> states = new LinkedHashMap<>();
        for (JsonNode element : input) {
            AirbyteStateMessage message;
            try {
                message = Json.convert(element, AirbyteStateMessage.class);
            } catch (JsonProcessingException e) {
                throw new ConfigException("Invalid state message: " + e.getOriginalMessage(), e);
            }
            if (message.stream() == null && message.global() == null && message.data() == null) {
                throw new ConfigException("A state message needs a non-empty 'stream', 'global' or 'data'");
            }
            if (message.type() == AirbyteStateMessage.StateType.STREAM && message.stream() != null) {
                states.put(message.stream().streamDescriptor(), StreamState.of(message.stream().streamState()));
            } else if (message.type() == AirbyteStateMessage.StateType.GLOBAL && message.global() != null) {
                readGlobal(message.global(), states);
            }
        }
        return new StateInput(states);
    }

    private static void readGlobal(JsonNode global, Map<StreamDescriptor, StreamState> states) {
        JsonNode shared = global.get("shared_state");
        if (shared != null && !shared.isNull()) {
            throw new ConfigException("GLOBAL state with a shared_state is not supported by API sources");
        }
        for (JsonNode entry : global.path("stream_states")) {
            try {
                StreamDescriptor descriptor = Json.convert(entry.path("stream_descriptor"), StreamDescriptor.class);
                states.put(descriptor, StreamState.of(entry.get("stream_state")));
            } catch (JsonProcessingException e) {
                throw new ConfigException("Invalid GLOBAL state entry: " + e.getOriginalMessage(), e);
            }
        }
    }
}
