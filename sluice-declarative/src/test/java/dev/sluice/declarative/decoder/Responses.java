package dev.sluice.declarative.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Responses for decoder tests, and decoding them with a decoder written as YAML. */
final class Responses {

    private Responses() {
    }

    static HttpResponse of(byte[] body, Map<String, List<String>> headers) {
        return new HttpResponse(HttpRequest.get(URI.create("https://api.example.com/items")), 200,
                ResponseHeaders.of(headers), body);
    }

    static HttpResponse of(String body) {
        return of(body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static List<JsonNode> decode(String yaml, HttpResponse response) {
        return Components.bind(yaml, DecoderSpec.class).build(Components.context()).decode(response);
    }

    static List<JsonNode> decode(String yaml, String body) {
        return decode(yaml, of(body));
    }
}
