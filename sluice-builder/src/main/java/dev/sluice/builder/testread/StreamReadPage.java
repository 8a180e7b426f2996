package dev.sluice.builder.testread;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page: the records read from it (their data), and the request and response that brought them (absent for
 * records that came without a request, as the reference's {@code StreamReadPages}).
 */
public record StreamReadPage(List<JsonNode> records, @Nullable HttpRequestView request,
        @Nullable HttpResponseView response) {

    public StreamReadPage {
        records = List.copyOf(records);
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.set("records", Views.array(records, record -> record));
        node.set("request", request == null ? Json.nodes().nullNode() : request.toJson());
        node.set("response", response == null ? Json.nodes().nullNode() : response.toJson());
        return node;
    }
}
