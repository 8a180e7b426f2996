package dev.sluice.protocol;

/**
 * One line of connector output. Each payload type knows its envelope {@link Type}; the writer wraps it as
 * {@code {"type": "<TYPE>", "<field>": {...payload...}}}.
 */
public sealed interface AirbyteMessage
        permits AirbyteRecord, AirbyteStateMessage, AirbyteLog, AirbyteTrace, ConnectorSpecification,
                AirbyteCatalog, ConnectionStatus, AirbyteControl {

    /** The envelope type of this payload. */
    Type messageType();

    /** Envelope types and the name of the field that carries each payload. */
    enum Type {
        RECORD("record"),
        STATE("state"),
        LOG("log"),
        TRACE("trace"),
        SPEC("spec"),
        CATALOG("catalog"),
        CONNECTION_STATUS("connectionStatus"),
        CONTROL("control");

        private final String payloadField;

        Type(String payloadField) {
            this.payloadField = payloadField;
        }

        /** The envelope key holding the payload; note the camelCase {@code connectionStatus}. */
        public String payloadField() {
            return payloadField;
        }
    }
}
