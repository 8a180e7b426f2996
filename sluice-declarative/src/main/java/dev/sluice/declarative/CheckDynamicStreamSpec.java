package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CheckDynamicStream} — the connection works when the source has streams and the first
 * {@code stream_count} of them (static streams first, then the generated ones) each read their first record; with
 * {@code use_check_availability: false}, having streams is enough. {@code config_overrides} as for
 * {@code CheckStream}.
 * <pre>{@code check: {type: CheckDynamicStream, stream_count: 1}}</pre>
 */
@JsonTypeName("CheckDynamicStream")
public record CheckDynamicStreamSpec(
        @JsonProperty(value = "stream_count", required = true) int streamCount,
        @JsonProperty("use_check_availability") @Nullable Boolean useCheckAvailability,
        @JsonProperty("config_overrides") @Nullable ObjectNode configOverrides) implements CheckSpec {

    public CheckDynamicStreamSpec {
        configOverrides = configOverrides == null ? Json.object() : configOverrides.deepCopy();
    }

    @Override
    public ConnectionCheck build(BuildContext context) {
        return new CheckDynamicStream(streamCount, useCheckAvailability == null || useCheckAvailability);
    }
}
