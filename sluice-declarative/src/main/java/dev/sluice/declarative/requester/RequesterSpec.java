package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.requester.properties.QueryPropertiesSpec;
import org.jspecify.annotations.Nullable;

/** What {@code SimpleRetriever.requester} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({@JsonSubTypes.Type(HttpRequesterSpec.class)})
public sealed interface RequesterSpec permits HttpRequesterSpec {

    HttpRequester build(BuildContext context);

    /** The query properties the retriever requests in chunks with this requester, or null. */
    @Nullable QueryPropertiesSpec effectiveQueryProperties();
}
