package dev.sluice.declarative.requester.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local API for property-chunk tests: answers each request with what {@code answer} returns for it (chunk
 * requests of a page arrive concurrently, in any order, so answers depend on the request, not on its turn) and
 * keeps every request.
 */
public final class ChunkApi implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private ChunkApi(Function<RecordedRequest, MockResponse> answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer.apply(request);
            }
        });
    }

    public static ChunkApi start(Function<RecordedRequest, MockResponse> answer) {
        ChunkApi api = new ChunkApi(answer);
        try {
            api.server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api;
    }

    public static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** The query parameter's decoded value, or null. */
    public static String parameter(RecordedRequest request, String name) {
        return request.getUrl().queryParameter(name);
    }

    /** {@code http://127.0.0.1:port} without a trailing slash. */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The request targets (path and raw query) in arrival order. */
    public List<String> targets() {
        return requests.stream().map(RecordedRequest::getTarget).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
