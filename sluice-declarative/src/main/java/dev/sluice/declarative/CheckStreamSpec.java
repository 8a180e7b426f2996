package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CheckStream} — the connection works when each named stream can read its first record (or has
 * none). The config key {@code __airbyte_check_stream_names} overrides the list; {@code config_overrides} are
 * config values used by the check only (see {@code CheckOverrides}).
 * <pre>{@code check: {type: CheckStream, stream_names: ["users"], config_overrides: {resource: "check-only"}}}</pre>
 */
@JsonTypeName("CheckStream")
public record CheckStreamSpec(
        @JsonProperty("stream_names") @Nullable List<String> streamNames,
        @JsonProperty("dynamic_streams_check_configs") @Nullable JsonNode dynamicStreamsCheckConfigs,
        @JsonProperty("config_overrides") @Nullable ObjectNode configOverrides) implements CheckSpec {

    public CheckStreamSpec {
        streamNames = streamNames == null ? List.of() : List.copyOf(streamNames);
        configOverrides = configOverrides == null ? Json.object() : configOverrides.deepCopy();
    }

    @Override
    public ConnectionCheck build(BuildContext context) {
        return CheckStream.of(streamNames, context.config());
    }
}
