package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.source.StreamState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: UnionPartitionRouter} — the partitions of each router in turn, each {@code partition_field} value
 * once (the first occurrence wins). A partition is only {@code {<partition_field>: value}}; the child's other
 * partition keys (e.g. {@code parent_slice}) move to the extra fields. It injects no request options.
 * <pre>{@code
 * partition_router:
 *   type: UnionPartitionRouter
 *   partition_field: repository
 *   partition_routers:
 *     - {type: ListPartitionRouter, cursor_field: repository, values: ["org/a"]}
 *     - {type: SubstreamPartitionRouter, parent_stream_configs: [...]}
 * }</pre>
 */
@JsonTypeName("UnionPartitionRouter")
public record UnionPartitionRouterSpec(
        @JsonProperty(value = "partition_field", required = true) String partitionField,
        @JsonProperty(value = "partition_routers", required = true) List<PartitionRouterSpec> partitionRouters,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PartitionRouterSpec {

    public UnionPartitionRouterSpec {
        java.util.Objects.requireNonNull(partitionField, "partition_field is required");
        partitionRouters = List.copyOf(partitionRouters);
        if (partitionRouters.stream().anyMatch(router -> router instanceof GroupingPartitionRouterSpec)) {
            throw new IllegalArgumentException("partition_routers cannot hold a GroupingPartitionRouter");
        }
    }

    @Override
    public PartitionRouter build(BuildContext context, StreamState streamState) {
        return new UnionPartitionRouter(partitionField,
                partitionRouters.stream().map(router -> router.build(context, streamState)).toList());
    }

    @Override
    public String legacyPartitionField() {
        return partitionField;
    }

    @Override
    public List<ParentStreamSpec> parentStreams() {
        return partitionRouters.stream().flatMap(router -> router.parentStreams().stream()).toList();
    }
}
