package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK {@link HttpClient} aimed at one demo API, with its own executor so that closing it stops its threads.
 * Every request has a timeout, so that a server bug fails a test instead of hanging the build.
 */
final class TestClient implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-http-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;
    private final URI base;

    TestClient(DemoApi api) {
        this(api, HttpClient.Version.HTTP_1_1);
    }

    TestClient(DemoApi api, HttpClient.Version version) {
        this.base = api.baseUri();
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .version(version)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    HttpClient client() {
        return client;
    }

    HttpRequest.Builder request(String target) {
        return HttpRequest.newBuilder(base.resolve(target)).timeout(REQUEST_TIMEOUT);
    }

    HttpResponse<String> get(String target) throws IOException, InterruptedException {
        return send(request(target).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the target, expects 200 and returns the parsed body. */
    JsonNode getJson(String target) throws IOException, InterruptedException {
        HttpResponse<String> response = get(target);
        assertThat(response.statusCode()).as("status of %s: %s", target, response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    HttpResponse<String> postJson(String target, String json) throws IOException, InterruptedException {
        return send(request(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Follows {@code next_page} from page 1 and returns the rows of every page, in order. */
    List<JsonNode> readAllPages(String path, String extraQuery) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        int page = 1;
        while (true) {
            JsonNode body = getJson(path + "?page=" + page + extraQuery);
            body.get("data").forEach(rows::add);
            if (body.get("next_page").isNull()) {
                return rows;
            }
            assertThat(body.get("next_page").asInt()).isEqualTo(page + 1);
            page++;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
