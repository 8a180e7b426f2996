package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code type: RequestBodyPlainText} — a raw text body (a template).
 * <pre>{@code request_body: {type: RequestBodyPlainText, value: "since={{ stream_interval.start_time }}"}}</pre>
 */
@JsonTypeName("RequestBodyPlainText")
public record RequestBodyPlainTextSpec(@JsonProperty(value = "value", required = true) String value)
        implements RequestBodySpec {

    @Override
    public RequestBody build(BuildContext context, JsonNode parameters) {
        return RequestBody.data(TextNode.valueOf(value), parameters);
    }
}
