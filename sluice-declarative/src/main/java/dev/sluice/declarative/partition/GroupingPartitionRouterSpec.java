package dev.sluice.declarative.partition;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.source.StreamState;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: GroupingPartitionRouter} — batches {@code group_size} partitions of the underlying router into one
 * partition whose values are lists ({@code {"board_id": [1, 2, 3], "parent_slice": [...]}}), dropping values
 * already seen unless {@code deduplicate: false}. It injects no request options; templates read the lists. A stream
 * with an incremental cursor and this router keeps one global cursor.
 * <pre>{@code
 * partition_router:
 *   type: GroupingPartitionRouter
 *   group_size: 10
 *   underlying_partition_router: {type: ListPartitionRouter, cursor_field: board_id, values: [1, 2, 3]}
 * }</pre>
 */
@JsonTypeName("GroupingPartitionRouter")
public record GroupingPartitionRouterSpec(
        @JsonProperty(value = "group_size", required = true) int groupSize,
        @JsonProperty(value = "underlying_partition_router", required = true) PartitionRouterSpec underlyingPartitionRouter,
        @JsonProperty("deduplicate") @Nullable Boolean deduplicate,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PartitionRouterSpec {

    public GroupingPartitionRouterSpec {
        java.util.Objects.requireNonNull(underlyingPartitionRouter, "underlying_partition_router is required");
        if (groupSize < 1) {
            throw new IllegalArgumentException("group_size must be at least 1");
        }
        if (underlyingPartitionRouter instanceof GroupingPartitionRouterSpec) {
            throw new IllegalArgumentException("underlying_partition_router cannot be a GroupingPartitionRouter");
        }
    }

    @Override
    public PartitionRouter build(BuildContext context, StreamState streamState) {
        return new GroupingPartitionRouter(groupSize, underlyingPartitionRouter.build(context, streamState),
                deduplicate == null || deduplicate);
    }

    @Override
    public List<ParentStreamSpec> parentStreams() {
        return underlyingPartitionRouter.parentStreams();
    }
}
