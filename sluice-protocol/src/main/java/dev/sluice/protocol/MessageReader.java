package dev.sluice.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parses protocol lines back into typed messages (tests, harnesses and adapters that consume output). */
public final class MessageReader {

    private MessageReader() {
    }

    /**
     * Parses one line of protocol output.
     *
     * @throws JsonProcessingException when the line is not JSON or not a known message
     */
    public static AirbyteMessage parse(String line) throws JsonProcessingException {
        JsonNode node = Json.parse(line);
        String type = node.path("type").asText("");
        AirbyteMessage.Type messageType;
        try {
            messageType = AirbyteMessage.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new JsonProcessingException("unknown message type '" + type + "'") { };
        }
        JsonNode payload = node.path(messageType.payloadField());
        if (!payload.isObject()) {
            throw new JsonProcessingException("message of type " + type + " has no '"
                    + messageType.payloadField() + "' object") { };
        }
        return switch (messageType) {
            case RECORD -> new AirbyteRecord(payload.path("stream").asText(), (ObjectNode) payload.path("data"),
                    payload.path("emitted_at").asLong(), payload.hasNonNull("namespace")
                            ? payload.get("namespace").asText() : null, payload.hasNonNull("file_reference")
                            ? Json.convert(payload.get("file_reference"), AirbyteRecordFileReference.class) : null);
            case STATE -> Json.convert(payload, AirbyteStateMessage.class);
            case LOG -> Json.convert(payload, AirbyteLog.class);
            case TRACE -> Json.convert(payload, AirbyteTrace.class);
            case SPEC -> Json.convert(payload, ConnectorSpecification.class);
            case CATALOG -> Json.convert(payload, AirbyteCatalog.class);
            case CONNECTION_STATUS -> Json.convert(payload, ConnectionStatus.class);
            case CONTROL -> Json.convert(payload, AirbyteControl.class);
        };
    }
}
