package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;

/** What {@code HttpRequester.request_body} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(RequestBodyJsonObjectSpec.class),
        @JsonSubTypes.Type(RequestBodyUrlEncodedFormSpec.class),
        @JsonSubTypes.Type(RequestBodyPlainTextSpec.class),
        @JsonSubTypes.Type(RequestBodyGraphQlSpec.class)})
public sealed interface RequestBodySpec permits RequestBodyJsonObjectSpec, RequestBodyUrlEncodedFormSpec,
        RequestBodyPlainTextSpec, RequestBodyGraphQlSpec {

    /** @param parameters the requester's {@code $parameters}, which the body's templates read */
    RequestBody build(BuildContext context, JsonNode parameters);
}
