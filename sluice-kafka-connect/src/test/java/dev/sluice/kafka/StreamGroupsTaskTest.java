package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A manifest's {@code stream_groups} across three tasks: the two streams of a group never have requests in flight
 * at the same time, while a stream outside the group is read alongside them; without the group they overlap (so
 * the test can fail).
 */
class StreamGroupsTaskTest {

    /** {@code daily} and {@code users} have three partitions of one page; {@code monthly} has five pages. */
    private static final String STREAMS = """
            version: 6.44.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [daily]}
            definitions:
              stream:
                type: DeclarativeStream
                primary_key: [id]
                schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: string}}}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: "/{{ parameters.name }}/{{ stream_partition.part }}"
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  partition_router: {type: ListPartitionRouter, cursor_field: part, values: [p1, p2, p3]}
            streams:
              - {$ref: "#/definitions/stream", name: daily, $parameters: {name: daily}}
              - type: DeclarativeStream
                name: monthly
                primary_key: [id]
                schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: string}}}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: "/monthly/all"
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    pagination_strategy: {type: PageIncrement, start_from_page: 1, page_size: 1}
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
              - {$ref: "#/definitions/stream", name: users, $parameters: {name: users}}
            """;

    private static final int MONTHLY_PAGES = 5;

    private static final String GROUPS = """
            stream_groups:
              reports:
                streams: [{$ref: "#/streams/0"}, {$ref: "#/streams/1"}]
                action: {type: BlockSimultaneousSyncsAction}
            """;

    private final FakeTaskContext context = new FakeTaskContext();
    private final List<SluiceSourceTask> running = new ArrayList<>();
    private final ExecutorService pollers = Executors.newCachedThreadPool();
    private HttpServer server;
    private final Map<String, Integer> inFlight = new HashMap<>();
    /** Pairs of streams seen with requests in flight at the same time, as "a+b" (sorted). */
    private final Set<String> overlaps = new HashSet<>();

    @AfterEach
    void stop() {
        running.forEach(SluiceSourceTask::stop);
        pollers.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
    }

    private URI api() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String stream = path[1];
        enter(stream);
        try {
            Thread.sleep(80);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            leave(stream);
        }
        String query = exchange.getRequestURI().getQuery();
        int page = query == null ? 1 : Integer.parseInt(query.substring(query.indexOf("page=") + 5));
        // monthly's sixth page is empty, which ends its pagination
        String data = stream.equals("monthly") && page > MONTHLY_PAGES ? "[]"
                : "[{\"id\": \"" + stream + "-" + path[2] + "-" + page + "\"}]";
        byte[] body = ("{\"data\": " + data + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized void enter(String stream) {
        inFlight.forEach((other, count) -> {
            if (count > 0 && !other.equals(stream)) {
                overlaps.add(stream.compareTo(other) < 0 ? stream + "+" + other : other + "+" + stream);
            }
        });
        inFlight.merge(stream, 1, Integer::sum);
    }

    private synchronized void leave(String stream) {
        inFlight.merge(stream, -1, Integer::sum);
    }

    /** Starts every task of the connector and polls them all at once until each read its units. */
    private List<SourceRecord> readWithThreeTasks(String manifest) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", "groups");
        settings.put("tasks.max", "3");
        settings.put(SluiceConnectorConfig.MANIFEST, manifest);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object().put("base_url", api().toString())));
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(context));
        connector.start(settings);
        List<Future<List<SourceRecord>>> reads = new ArrayList<>();
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertThat(configs).hasSize(3);
        for (Map<String, String> config : configs) {
            SluiceSourceTask task = new SluiceSourceTask();
            task.initialize(context);
            task.start(config);
            running.add(task);
            reads.add(pollers.submit(() -> drain(task)));
        }
        List<SourceRecord> records = new ArrayList<>();
        for (Future<List<SourceRecord>> read : reads) {
            records.addAll(read.get(1, TimeUnit.MINUTES));
        }
        connector.stop();
        return records;
    }

    private static List<SourceRecord> drain(SluiceSourceTask task) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!task.drained()) {
            assertThat(System.nanoTime()).as("the task did not finish").isLessThan(deadline);
            try {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    records.addAll(batch);
                }
            } catch (RetriableException e) {
                // the next poll resumes
            }
        }
        return records;
    }

    @Test
    void theStreamsOfAGroupAreNeverInFlightTogetherWhileOthersRunAlongside() throws Exception {
        List<SourceRecord> records = readWithThreeTasks(STREAMS + GROUPS);

        assertThat(records).hasSize(3 + MONTHLY_PAGES + 3);
        assertThat(overlaps).doesNotContain("daily+monthly");
        assertThat(overlaps).as("the stream outside the group ran alongside the group's")
                .containsAnyOf("daily+users", "monthly+users");
    }

    @Test
    void withoutTheGroupTheSameStreamsOverlap() throws Exception {
        List<SourceRecord> records = readWithThreeTasks(STREAMS);

        assertThat(records).hasSize(3 + MONTHLY_PAGES + 3);
        assertThat(overlaps).contains("daily+monthly");
    }
}
