package dev.sluice.builder.testread;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the Connector Builder shows it, secrets masked: {@code url} (query included), {@code headers},
 * {@code http_method} and {@code body} (the reference's {@code HttpRequest} in {@code models.py}; its body is the
 * empty string when the request had none).
 */
public record HttpRequestView(String url, @Nullable Map<String, String> headers, String httpMethod,
        @Nullable String body) {

    public HttpRequestView {
        requireNonNull(url, "url is null");
        requireNonNull(httpMethod, "httpMethod is null");
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("url", url);
        node.set("headers", Views.stringMap(headers));
        node.put("http_method", httpMethod);
        node.put("body", body);
        return node;
    }
}
