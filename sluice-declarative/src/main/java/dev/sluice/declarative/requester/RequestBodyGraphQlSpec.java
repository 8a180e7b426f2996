package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.manifest.ValidatedAs;

/**
 * {@code type: RequestBodyGraphQL} — a JSON body {@code {"query": "..."}} (plus any other keys of {@code value}).
 * <pre>{@code request_body: {type: RequestBodyGraphQL, value: {query: "{ users(first: 50) { id } }"}}}</pre>
 */
@JsonTypeName("RequestBodyGraphQL")
public record RequestBodyGraphQlSpec(
        @JsonProperty(value = "value", required = true) @ValidatedAs(GraphQlQueryShape.class) JsonNode value)
        implements RequestBodySpec {

    /** The upstream {@code RequestBodyGraphQlQuery}: a {@code query} string, other keys free. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GraphQlQueryShape(@JsonProperty(value = "query", required = true) String query) {
    }

    public RequestBodyGraphQlSpec {
        if (!value.isObject() || !value.path("query").isTextual()) {
            throw new IllegalArgumentException("value must be a mapping with a 'query' string");
        }
    }

    @Override
    public RequestBody build(BuildContext context, JsonNode parameters) {
        return RequestBody.json(value, parameters);
    }
}
