package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.requester.properties.PropertiesRetrieverSpec;

/** What {@code DeclarativeStream.retriever} (and {@code PropertiesFromEndpoint.retriever}) admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(SimpleRetrieverSpec.class)})
public sealed interface RetrieverSpec extends PropertiesRetrieverSpec permits SimpleRetrieverSpec {
}
