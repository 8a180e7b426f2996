package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CONTROL message telling the platform to persist a new connector config, e.g. after an OAuth refresh
 * token rotated: {@code {"type": "CONNECTOR_CONFIG", "emitted_at": ..., "connectorConfig": {"config": {...}}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AirbyteControl(
        @JsonProperty("type") String type,
        @JsonProperty("emitted_at") long emittedAt,
        @JsonProperty("connectorConfig") ConnectorConfig connectorConfig) implements AirbyteMessage {

    public static AirbyteControl connectorConfig(long emittedAt, ObjectNode config) {
        return new AirbyteControl("CONNECTOR_CONFIG", emittedAt, new ConnectorConfig(config));
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.CONTROL;
    }

    /** {@code {"config": {...the whole new config...}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConnectorConfig(@JsonProperty("config") ObjectNode config) {
    }
}
