package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a mapping value of {@code HttpRequester.request_parameters} admits: a {@code QueryProperties}, with its
 * {@code type} (a mapping there is otherwise ambiguous).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(QueryPropertiesSpec.class)})
public sealed interface ParameterComponentSpec permits QueryPropertiesSpec {
}
