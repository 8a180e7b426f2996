package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.requester.properties.PropertiesRetrieverSpec;

/**
 * The retrievers that read pages themselves (not through server-side jobs): what
 * {@code PropertiesFromEndpoint.retriever} admits, as in the reference's schema.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(SimpleRetrieverSpec.class), @JsonSubTypes.Type(CustomRetrieverSpec.class)})
public sealed interface PageRetrieverSpec extends RetrieverSpec, PropertiesRetrieverSpec
        permits SimpleRetrieverSpec, CustomRetrieverSpec {

    /** A properties endpoint's retriever: no transformations, an empty schema. */
    @Override
    default Retriever build(BuildContext context, String streamName) {
        return RetrieverSpec.super.build(context, streamName);
    }
}
