package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two tasks of two connectors in one worker JVM, each against its own API and OAuth token endpoint, with
 * hand-written Connect contexts: the token each task obtains is masked in its own failure, and only there.
 */
class TwoTasksOneWorkerTest {

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: [id]
                schema_loader:
                  type: InlineSchemaLoader
                  schema: {type: object, properties: {id: {type: integer}}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['api'] }}"
                    path: /items
                    error_handler: {type: DefaultErrorHandler, max_retries: 0}
                    authenticator:
                      type: OAuthAuthenticator
                      token_refresh_endpoint: "{{ config['api'] }}/token"
                      client_id: "{{ config['client_id'] }}"
                      client_secret: "{{ config['client_secret'] }}"
                      refresh_token: "{{ config['refresh_token'] }}"
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
            """;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<SluiceSourceTask> tasks = new ArrayList<>();

    @AfterEach
    void stop() {
        tasks.forEach(SluiceSourceTask::stop);
        servers.forEach(server -> server.stop(0));
    }

    /** An API whose token endpoint grants {@code token} and whose items refuse every token, quoting both. */
    private String api(String token, String otherToken) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> respond(exchange, 200,
                "{\"access_token\": \"" + token + "\", \"expires_in\": 3600}"));
        server.createContext("/items", exchange -> respond(exchange, 401,
                "{\"message\": \"" + exchange.getRequestHeaders().getFirst("Authorization") + " is revoked; "
                        + otherToken + " belongs to another tenant\"}"));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private SluiceSourceTask start(String connector, String api, String clientSecret) {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", connector);
        settings.put(SluiceConnectorConfig.MANIFEST, MANIFEST);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object().put("api", api)
                .put("client_id", connector).put("client_secret", clientSecret)
                .put("refresh_token", "r-" + connector)));
        settings.put(SluiceConnectorConfig.TOPIC_PREFIX, connector + ".");
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole("items"))));
        SluiceSourceTask task = new SluiceSourceTask();
        tasks.add(task);
        task.initialize(new FakeTaskContext());
        task.start(settings);
        return task;
    }

    /** The failure {@code poll} throws once the read failed. */
    private static ConnectException failure(SluiceSourceTask task) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                task.poll();
            } catch (RetriableException e) {
                throw new AssertionError("a refused token is not transient", e);
            } catch (ConnectException e) {
                return e;
            }
        }
        throw new AssertionError("the task did not fail within 30 s");
    }

    /** The messages of a failure and of all its causes, as Connect logs them. */
    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    @Test
    void eachTaskMasksTheTokenItObtainedAndNotTheOtherTasks() throws Exception {
        SluiceSourceTask taskA = start("connector-a", api("access-a-5f1", "access-b-9c2"), "secret-a");
        SluiceSourceTask taskB = start("connector-b", api("access-b-9c2", "access-a-5f1"), "secret-b");

        String failureA = chain(failure(taskA));
        String failureB = chain(failure(taskB));

        assertThat(failureA).contains("Bearer **** is revoked").doesNotContain("access-a-5f1")
                .as("task A never obtained B's token").contains("access-b-9c2 belongs to another tenant");
        assertThat(failureB).contains("Bearer **** is revoked").doesNotContain("access-b-9c2")
                .as("task B never obtained A's token").contains("access-a-5f1 belongs to another tenant");
        assertThat(failureA + failureB).doesNotContain("secret-a").doesNotContain("secret-b");
    }
}
