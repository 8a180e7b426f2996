package dev.sluice.declarative.retriever;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.declarative.requester.properties.Specs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a unit test: measures what concurrent chunk requests buy. A local API answers every request after 50 ms;
 * a stream with 10 property chunks reads 5 pages of 20 records, once with the chunk requests of a page in flight together
 * (the default) and once one after another (the reference's way). Skipped unless asked for:
 * <pre>{@code
 * mvn -B -q -o -pl sluice-declarative test -Dtest=ChunkConcurrencyBenchmark -Dsluice.benchmark=true
 * }</pre>
 */
@EnabledIfSystemProperty(named = "sluice.benchmark", matches = "true")
class ChunkConcurrencyBenchmark {

    private static final int LATENCY_MS = 50;
    private static final int CHUNKS = 10;
    private static final int PAGES = 5;
    private static final int ROUNDS = 20;
    private static final int RECORDS_PER_PAGE = 20;

    @Test
    void aPageCostsAboutOneLatency() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", ChunkConcurrencyBenchmark::answer);
        server.start();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            SimpleRetriever concurrent = Specs.retriever(yaml(baseUrl), Specs.context());
            SimpleRetriever sequential = concurrent.withChunkConcurrency(1);
            measure(concurrent);
            measure(sequential);
            double concurrentPage = best(concurrent);
            double sequentialPage = best(sequential);

            String report = String.format(Locale.ROOT, "%d chunks, %d ms latency: a page takes %.1f ms with "
                    + "concurrent chunk requests (%.2f latencies), %.1f ms one after another (%.2f latencies); "
                    + "%.1fx faster (system load average %.1f on %d processors)", CHUNKS, LATENCY_MS, concurrentPage,
                    concurrentPage / LATENCY_MS, sequentialPage, sequentialPage / LATENCY_MS,
                    sequentialPage / concurrentPage, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(report);
            assertThat(concurrentPage).as(report).isLessThan(3.0 * LATENCY_MS);
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** After the latency, 100 records with the requested field, and the next page unless this is the last. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            sleep();
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            String field = query.get("fields");
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            StringBuilder body = new StringBuilder("{\"data\": [");
            for (int i = 0; i < RECORDS_PER_PAGE; i++) {
                body.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(page).append('-').append(i)
                        .append("\", \"").append(field).append("\": ").append(i).append('}');
            }
            body.append(']').append(page < PAGES ? ", \"next\": " + (page + 1) : "").append('}');
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static double best(SimpleRetriever retriever) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            best = Math.min(best, measure(retriever));
        }
        return best;
    }

    /** Milliseconds per page for one read of every page; checks the read is whole. */
    private static double measure(SimpleRetriever retriever) {
        long start = System.nanoTime();
        int records = Specs.read(retriever).size();
        double perPage = (System.nanoTime() - start) / 1e6 / PAGES;
        assertThat(records).isEqualTo(RECORDS_PER_PAGE * PAGES);
        return perPage;
    }

    private static String yaml(String baseUrl) {
        List<String> properties = IntStream.rangeClosed(1, CHUNKS).mapToObj(i -> "property_" + i).toList();
        return """
                type: SimpleRetriever
                requester:
                  type: HttpRequester
                  url_base: "%s"
                  request_parameters:
                    fields:
                      type: QueryProperties
                      property_list: %s
                      property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 1}
                record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                paginator:
                  type: DefaultPaginator
                  page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                  pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                        stop_condition: "{{ not response.next }}"}
                """.formatted(baseUrl, properties);
    }

    private static void sleep() {
        try {
            Thread.sleep(LATENCY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
