package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/**
 * What a mapping value of {@code HttpRequester.request_parameters} admits: a {@code QueryProperties}, with its
 * {@code type} (a mapping there is otherwise ambiguous).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(QueryPropertiesSpec.class)})
public sealed interface ParameterComponentSpec permits QueryPropertiesSpec {

    /**
     * The query properties of one stream.
     *
     * @param streamName the stream whose configured catalog entry a property selector reads
     */
    QueryProperties build(BuildContext context, String streamName);
}
