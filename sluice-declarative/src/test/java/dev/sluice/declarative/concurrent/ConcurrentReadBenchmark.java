package dev.sluice.declarative.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import dev.sluice.source.RunContext;
import org.junit.jupiter.api.AfterEach;

/**
 * 8 partitions of 2 pages each (10 records, then none), every response 50 ms late: the read with
 * {@code concurrency_level} 8 against the read with 1, and the same requests sent by 1 and by 8 plain threads (what
 * the machine allows). Tagged {@code benchmark}, so {@code mvn verify} skips it; run it with
 * {@code mvn -o -pl sluice-declarative test -Dtest=ConcurrentReadBenchmark -Dexcluded.groups=none}.
 *
 * <p>The 50 ms are spent before the body, not before the headers: a response whose headers wait is written as two
 * small segments right after each other, and Nagle's algorithm with the client's delayed ACK then adds about 40 ms
 * to most responses on loopback, which measures TCP rather than the reader.
 */
@Tag("benchmark")
class ConcurrentReadBenchmark {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    private static final int PARTITIONS = 8;
    private static final int PAGES = 2;
    private static final int PAGE_SIZE = 10;
    private static final long LATENCY_MILLIS = 50;
    private static final String MANIFEST = """
            version: 6.0.0
            check: {stream_names: [items]}
            concurrency_level: {type: ConcurrencyLevel, default_concurrency: "{{ config['workers'] }}"}
            streams:
              - type: DeclarativeStream
                name: items
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: "/items/{{ stream_partition.part }}"}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 10, start_from_page: 1}
                  partition_router: {type: ListPartitionRouter, cursor_field: part, values: ["1", "2", "3", "4", "5", "6", "7", "8"]}
            """;

    @Test
    void concurrentReadsAreAtLeastFiveTimesFaster() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new SlowPages());
            server.start();
            DeclarativeSource source = ManifestSources.fromYaml(MANIFEST);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                read(source, server, 1);
                read(source, server, 8);
            }
            List<Long> sequential = new ArrayList<>();
            List<Long> concurrent = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                sequential.add(read(source, server, 1));
                concurrent.add(read(source, server, 8));
            }
            long slow = median(sequential);
            long fast = median(concurrent);
            double speedup = (double) slow / fast;
            System.out.printf("ConcurrentReadBenchmark: %d partitions x %d pages, %d ms latency: concurrency 1 %d ms, "
                    + "concurrency 8 %d ms (medians of 5; runs %s / %s): %.1fx; the same requests sent by 1 and by 8 "
                    + "plain threads: %s%n", PARTITIONS, PAGES, LATENCY_MILLIS, slow, fast, sequential, concurrent,
                    speedup, plainRequests(server));
            assertThat(speedup).isGreaterThanOrEqualTo(5.0);
        }
    }

    /** The time of one read of the stream (built beforehand, so that only the read is measured). */
    private long read(DeclarativeSource source, MockWebServer server, int workers) {
        Config config = Config.of(Json.object().put("base_url", server.url("/").toString()).put("workers", workers));
        Stream stream = source.streams(config, run).get(0);
        AtomicInteger records = new AtomicInteger();
        StreamSink sink = new StreamSink() {
            @Override
            public void record(ObjectNode data) {
                records.incrementAndGet();
            }

            @Override
            public void checkpoint(StreamState state) {
            }
        };
        long start = System.nanoTime();
        stream.read(ReadRequest.fullRefresh(run), sink);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(records).hasValue(PARTITIONS * (PAGES - 1) * PAGE_SIZE);
        return millis;
    }

    /** What the machine allows: the same 16 requests by one thread, then by 8 threads, without Sluice. */
    private static String plainRequests(MockWebServer server) {
        HttpTransport transport = HttpTransport.jdk(HttpTransport.Options.DEFAULTS);
        Runnable twoPages = () -> {
            for (int page = 1; page <= PAGES; page++) {
                try {
                    transport.exchange(new HttpRequest("GET", server.url("/items/1?page=" + page).uri(), Map.of(), null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        long start = System.nanoTime();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            twoPages.run();
        }
        long one = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            Thread thread = new Thread(twoPages);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long eight = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return String.format("%d ms / %d ms (%.1fx)", one, eight, (double) one / eight);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** A full page, then an empty one (which ends the partition); each answer 50 ms late. */
    private static final class SlowPages extends Dispatcher {
        private static final String FULL_PAGE;

        static {
            StringBuilder body = new StringBuilder("{\"data\": [");
            for (int i = 0; i < PAGE_SIZE; i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append('}');
            }
            FULL_PAGE = body.append("]}").toString();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String page = request.getUrl().queryParameter("page");
            boolean last = page != null && Integer.parseInt(page) >= PAGES;
            return new MockResponse.Builder().bodyDelay(LATENCY_MILLIS, TimeUnit.MILLISECONDS)
                    .addHeader("Content-Type", "application/json").body(last ? "{\"data\": []}" : FULL_PAGE).build();
        }
    }
}
