package dev.sluice.declarative.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local HTTP API for end-to-end tests: responses are routed by method and path (query excluded), each route
 * answers its responses in order (the last one repeats), and every request the server saw is kept, in order, as
 * {@code METHOD target} with its body, so tests assert on exactly what was sent.
 */
final class ApiServer implements AutoCloseable {

    /** One request as the server received it. */
    record Seen(String method, String target, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new LinkedHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    ApiServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, String> headers = new LinkedHashMap<>();
                request.getHeaders().forEach(pair -> headers.put(pair.getFirst().toLowerCase(java.util.Locale.ROOT),
                        pair.getSecond()));
                seen.add(new Seen(request.getMethod(), request.getTarget(),
                        request.getBody() == null ? "" : request.getBody().utf8(), headers));
                Function<RecordedRequest, MockResponse> route = routes.get(request.getMethod() + " "
                        + request.getUrl().encodedPath());
                return route == null ? json(404, "{\"error\": \"no route for " + request.getTarget() + "\"}")
                        : route.apply(request);
            }
        });
        server.start();
    }

    /** The base URL, without a trailing slash. */
    String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Answers {@code method path} with {@code responses} in turn; the last one is repeated. */
    ApiServer on(String method, String path, MockResponse... responses) {
        int[] next = {0};
        routes.put(method + " " + path, request -> responses[Math.min(next[0]++, responses.length - 1)]);
        return this;
    }

    /** Answers {@code method path} with a function of the request (for routes that read the query or body). */
    ApiServer on(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** {@code METHOD target} of every request, in order. */
    List<String> targets() {
        return requests().stream().map(Seen::toString).toList();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    @Override
    public void close() {
        server.close();
    }
}
