package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CheckStream} — the connection works when each named stream can read its first record (or has
 * none). The config key {@code __airbyte_check_stream_names} overrides the list.
 * <pre>{@code check: {type: CheckStream, stream_names: ["users"]}}</pre>
 */
@JsonTypeName("CheckStream")
public record CheckStreamSpec(
        @JsonProperty("stream_names") @Nullable List<String> streamNames,
        @JsonProperty("dynamic_streams_check_configs") @Nullable JsonNode dynamicStreamsCheckConfigs,
        @JsonProperty("config_overrides") @Nullable JsonNode configOverrides) implements CheckSpec {

    public CheckStreamSpec {
        streamNames = streamNames == null ? List.of() : List.copyOf(streamNames);
    }

    @Override
    public ConnectionCheck build(BuildContext context) {
        return CheckStream.of(streamNames, context.config());
    }
}
