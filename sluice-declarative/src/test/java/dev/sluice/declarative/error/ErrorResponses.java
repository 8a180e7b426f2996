package dev.sluice.declarative.error;

import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Responses for error-handler tests. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static HttpResponse of(int status, String body, String... headers) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new HttpResponse(HttpRequest.get(URI.create("https://airbyte.io/")), status,
                ResponseHeaders.of(map), body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse of(int status) {
        return of(status, "");
    }
}
