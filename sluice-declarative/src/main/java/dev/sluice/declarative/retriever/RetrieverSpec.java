package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What {@code DeclarativeStream.retriever} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(SimpleRetrieverSpec.class)})
public sealed interface RetrieverSpec permits SimpleRetrieverSpec {
}
