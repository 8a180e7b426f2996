package dev.sluice.builder.testread;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;

/**
 * A request made on the side of the stream's own pages — a token refresh, a login, a parent stream's page, a
 * properties endpoint — with its {@code title}, {@code type} ({@code AUTH}, {@code PARENT_STREAM},
 * {@code HTTP_REQUEST}, ...), {@code description}, {@code request} and {@code response} (the reference's
 * {@code AuxiliaryRequest}).
 */
public record AuxiliaryRequest(String title, String type, String description, HttpRequestView request,
        HttpResponseView response) {

    public AuxiliaryRequest {
        requireNonNull(title, "title is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(request, "request is null");
        requireNonNull(response, "response is null");
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("title", title);
        node.put("type", type);
        node.put("description", description);
        node.set("request", request.toJson());
        node.set("response", response.toJson());
        return node;
    }
}
