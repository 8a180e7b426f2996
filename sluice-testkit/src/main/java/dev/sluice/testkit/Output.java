package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteCatalog;
import dev.sluice.protocol.AirbyteLog;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConnectionStatus;
import java.util.List;
import java.util.Optional;

/** Everything one command printed, with typed views. */
public record Output(List<AirbyteMessage> messages, int exitCode) {

    public Output {
        messages = List.copyOf(messages);
    }

    public List<AirbyteRecord> records() {
        return of(AirbyteRecord.class);
    }

    /** The records' data of one stream, in order. */
    public List<ObjectNode> records(String stream) {
        return records().stream().filter(r -> r.stream().equals(stream)).map(AirbyteRecord::data).toList();
    }

    public List<AirbyteStateMessage> states() {
        return of(AirbyteStateMessage.class);
    }

    /** The stream states of one stream, in order. */
    public List<JsonNode> states(String stream) {
        return states().stream().filter(s -> s.stream() != null
                && s.stream().streamDescriptor().name().equals(stream)).map(s -> s.stream().streamState()).toList();
    }

    /** The last STATE of every stream, as a {@code --state} input. */
    public List<AirbyteStateMessage> finalStates() {
        java.util.Map<String, AirbyteStateMessage> last = new java.util.LinkedHashMap<>();
        for (AirbyteStateMessage state : states()) {
            last.put(state.stream().streamDescriptor().name(), state);
        }
        return List.copyOf(last.values());
    }

    public Optional<JsonNode> mostRecentState(String stream) {
        List<JsonNode> states = states(stream);
        return states.isEmpty() ? Optional.empty() : Optional.of(states.get(states.size() - 1));
    }

    public List<AirbyteTrace.TraceError> errors() {
        return of(AirbyteTrace.class).stream().filter(t -> t.error() != null).map(AirbyteTrace::error).toList();
    }

    public List<AirbyteTrace.StreamStatus> statuses(String stream) {
        return of(AirbyteTrace.class).stream().filter(t -> t.streamStatus() != null
                && t.streamStatus().streamDescriptor().name().equals(stream))
                .map(t -> t.streamStatus().status()).toList();
    }

    public List<AirbyteLog> logs() {
        return of(AirbyteLog.class);
    }

    public Optional<AirbyteCatalog> catalog() {
        return of(AirbyteCatalog.class).stream().findFirst();
    }

    public Optional<ConnectionStatus> connectionStatus() {
        return of(ConnectionStatus.class).stream().findFirst();
    }

    private <T> List<T> of(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
