package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A STATE message. Sluice emits only the STREAM form:
 * <pre>{@code {"type": "STREAM", "stream": {"stream_descriptor": {"name": "users"}, "stream_state": {...}},
 *  "sourceStats": {"recordCount": 2.0}}}</pre>
 * GLOBAL and LEGACY forms are accepted on input only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AirbyteStateMessage(
        @JsonProperty("type") @Nullable StateType type,
        @JsonProperty("stream") @Nullable AirbyteStreamState stream,
        @JsonProperty("global") @Nullable JsonNode global,
        @JsonProperty("data") @Nullable JsonNode data,
        @JsonProperty("sourceStats") @Nullable SourceStats sourceStats) implements AirbyteMessage {

    /** A STREAM state for one stream with the number of records emitted since its previous STATE. */
    public static AirbyteStateMessage forStream(StreamDescriptor stream, JsonNode state, double recordCount) {
        return new AirbyteStateMessage(StateType.STREAM, new AirbyteStreamState(stream, state), null, null,
                new SourceStats(recordCount));
    }

    @JsonIgnore
    @Override
    public Type messageType() {
        return Type.STATE;
    }

    /** The shape of a state message; absent means LEGACY. */
    public enum StateType { STREAM, GLOBAL, LEGACY }

    /** {@code {"stream_descriptor": {...}, "stream_state": {...}}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AirbyteStreamState(
            @JsonProperty("stream_descriptor") StreamDescriptor streamDescriptor,
            @JsonProperty("stream_state") @Nullable JsonNode streamState) {
    }

    /** {@code {"recordCount": 2.0}}: a double, as the protocol prescribes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SourceStats(@JsonProperty("recordCount") double recordCount) {
    }
}
