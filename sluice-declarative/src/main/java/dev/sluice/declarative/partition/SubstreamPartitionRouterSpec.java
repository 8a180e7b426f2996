package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.source.StreamState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: SubstreamPartitionRouter} — one partition per record of each parent stream, parents read in order.
 * <pre>{@code
 * partition_router:
 *   type: SubstreamPartitionRouter
 *   parent_stream_configs:
 *     - {type: ParentStreamConfig, stream: "#/definitions/streams/projects", parent_key: id, partition_field: project_id}
 * }</pre>
 */
@JsonTypeName("SubstreamPartitionRouter")
public record SubstreamPartitionRouterSpec(
        @JsonProperty(value = "parent_stream_configs", required = true) List<ParentStreamConfigSpec> parentStreamConfigs,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PartitionRouterSpec {

    public SubstreamPartitionRouterSpec {
        parentStreamConfigs = List.copyOf(parentStreamConfigs);
        if (parentStreamConfigs.isEmpty()) {
            throw new IllegalArgumentException("SubstreamPartitionRouter needs at least 1 parent stream");
        }
    }

    @Override
    public PartitionRouter build(BuildContext context, StreamState streamState) {
        return new SubstreamPartitionRouter(parentStreamConfigs.stream()
                .map(config -> config.build(context, streamState)).toList());
    }

    @Override
    public @Nullable String legacyPartitionField() {
        return parentStreamConfigs.size() == 1 ? parentStreamConfigs.get(0).partitionField() : null;
    }

    @Override
    public List<ParentStreamSpec> parentStreams() {
        return parentStreamConfigs.stream().map(ParentStreamConfigSpec::stream).toList();
    }
}
