package dev.sluice.builder.testread;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response as the Connector Builder shows it: {@code status}, {@code body} (text, secrets masked) and
 * {@code headers} (the reference's {@code HttpResponse} in {@code models.py}).
 */
public record HttpResponseView(int status, @Nullable String body, @Nullable Map<String, String> headers) {

    public HttpResponseView {
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("status", status);
        node.put("body", body);
        node.set("headers", Views.stringMap(headers));
        return node;
    }
}
