package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code DeclarativeStream.retriever} admits; {@code PropertiesFromEndpoint.retriever} admits the page retrievers
 * only ({@link PageRetrieverSpec}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(SimpleRetrieverSpec.class), @JsonSubTypes.Type(CustomRetrieverSpec.class),
        @JsonSubTypes.Type(AsyncRetrieverSpec.class)})
public sealed interface RetrieverSpec permits PageRetrieverSpec, AsyncRetrieverSpec {

    /**
     * The retriever of one stream, with the stream's transformations and schema.
     *
     * @param streamName the stream's name (a property selector looks it up in the configured catalog)
     * @param schema the stream's schema, loaded when a record selector's schema normalization first needs it
     * @param transformBeforeFilteringByDefault whether transformations run before the record filter when the
     *     selector does not say (true for client-side incremental filtering)
     */
    StreamRetriever build(BuildContext context, String streamName, List<RecordTransformation> transformations,
            Supplier<ObjectNode> schema, boolean transformBeforeFilteringByDefault);

    /** A retriever without transformations and with an empty schema. */
    default Retriever build(BuildContext context, String streamName) {
        return build(context, streamName, List.of(), Json::object, false);
    }

    /** The routers whose partitions the stream's slices are (their cartesian product); empty for none. */
    List<PartitionRouterSpec> partitionRouter();
}
