package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Pages for paginator tests: a response, decoded with a decoder written as YAML. */
final class Pages {

    private Pages() {
    }

    static HttpResponse response(String body, Map<String, List<String>> headers) {
        return new HttpResponse(HttpRequest.get(URI.create("https://airbyte.io/records")), 200,
                ResponseHeaders.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    static Page page(String decoder, String body, Map<String, List<String>> headers, int lastPageSize,
            @Nullable String lastRecord, int rawRecordCount, @Nullable JsonNode token) {
        HttpResponse response = response(body, headers);
        BuildContext context = Components.context();
        List<JsonNode> documents = Components.bind(decoder, DecoderSpec.class).build(context).decode(response);
        ObjectNode last = lastRecord == null ? null : Components.object(lastRecord);
        return new Page(response, documents, lastPageSize, last, rawRecordCount, token);
    }

    static Page page(String body, int count, @Nullable JsonNode token) {
        return page("{type: JsonDecoder}", body, Map.of(), count, null, count, token);
    }
}
