package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** What {@code HttpRequester.request_body} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(RequestBodyJsonObjectSpec.class),
        @JsonSubTypes.Type(RequestBodyUrlEncodedFormSpec.class),
        @JsonSubTypes.Type(RequestBodyPlainTextSpec.class),
        @JsonSubTypes.Type(RequestBodyGraphQlSpec.class)})
public sealed interface RequestBodySpec permits RequestBodyJsonObjectSpec, RequestBodyUrlEncodedFormSpec,
        RequestBodyPlainTextSpec, RequestBodyGraphQlSpec {

    /** The body as the legacy fields say it: a JSON body template, or null. */
    default @Nullable JsonNode json() {
        return null;
    }

    /** The body as the legacy fields say it: a form mapping or a raw text template, or null. */
    default @Nullable JsonNode data() {
        return null;
    }
}
