package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.source.StreamState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code SimpleRetriever.partition_router} admits (also as list elements: their cartesian product). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(ListPartitionRouterSpec.class),
        @JsonSubTypes.Type(SubstreamPartitionRouterSpec.class),
        @JsonSubTypes.Type(GroupingPartitionRouterSpec.class),
        @JsonSubTypes.Type(UnionPartitionRouterSpec.class),
        @JsonSubTypes.Type(CustomPartitionRouterSpec.class)})
public sealed interface PartitionRouterSpec permits ListPartitionRouterSpec, SubstreamPartitionRouterSpec,
        GroupingPartitionRouterSpec, UnionPartitionRouterSpec, CustomPartitionRouterSpec {

    /**
     * The router of one read.
     *
     * @param streamState the incoming state of the stream being routed: parent streams with
     *                    {@code incremental_dependency} resume from the parent state stored in it
     */
    PartitionRouter build(BuildContext context, StreamState streamState);

    /** The parent streams this router reads its partitions from; none by default. */
    default List<ParentStreamSpec> parentStreams() {
        return List.of();
    }

    /**
     * The partition field {@code LegacyToPerPartitionStateMigration} keys partitions by; null when there are
     * several parent streams (the migration then leaves states alone).
     *
     * @throws IllegalArgumentException when the migration cannot be used with this router
     */
    default @Nullable String legacyPartitionField() {
        throw new IllegalArgumentException("LegacyToPerPartitionStateMigrations can only be applied on a "
                + "SimpleRetriever with a SubstreamPartitionRouter or UnionPartitionRouter");
    }
}
