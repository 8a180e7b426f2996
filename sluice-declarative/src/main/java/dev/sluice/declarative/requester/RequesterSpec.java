package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;

/** What {@code SimpleRetriever.requester} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(HttpRequesterSpec.class)})
public sealed interface RequesterSpec permits HttpRequesterSpec {

    HttpRequester build(BuildContext context);
}
