package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;

/**
 * {@code type: RequestBodyUrlEncodedForm} — a form body whose values are templates.
 * <pre>{@code request_body: {type: RequestBodyUrlEncodedForm, value: {grant_type: client_credentials}}}</pre>
 */
@JsonTypeName("RequestBodyUrlEncodedForm")
public record RequestBodyUrlEncodedFormSpec(@JsonProperty(value = "value", required = true) JsonNode value)
        implements RequestBodySpec {

    @Override
    public RequestBody build(BuildContext context, JsonNode parameters) {
        return RequestBody.data(value, parameters);
    }
}
