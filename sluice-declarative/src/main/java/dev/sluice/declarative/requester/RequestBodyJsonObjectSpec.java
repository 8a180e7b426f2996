package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;

/**
 * {@code type: RequestBodyJsonObject} — a JSON body whose string leaves are templates.
 * <pre>{@code request_body: {type: RequestBodyJsonObject, value: {filter: "{{ config.filter }}"}}}</pre>
 */
@JsonTypeName("RequestBodyJsonObject")
public record RequestBodyJsonObjectSpec(@JsonProperty(value = "value", required = true) JsonNode value)
        implements RequestBodySpec {

    @Override
    public RequestBody build(BuildContext context, JsonNode parameters) {
        return RequestBody.json(value, parameters);
    }
}
