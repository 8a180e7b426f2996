package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.Retriever;

/**
 * What {@code PropertiesFromEndpoint.retriever} admits: a retriever. A forward slot (see
 * {@link dev.sluice.declarative.manifest.ForwardSlots}): the retriever slot above this package extends it, so
 * properties never import the retriever that requests them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
public interface PropertiesRetrieverSpec {

    /** The retriever of a stream named {@code streamName}, without transformations and with an empty schema. */
    Retriever build(BuildContext context, String streamName);
}
