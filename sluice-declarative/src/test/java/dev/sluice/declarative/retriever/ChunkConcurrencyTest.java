package dev.sluice.declarative.retriever;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static dev.sluice.declarative.requester.properties.ChunkApi.parameter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.declarative.requester.properties.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chunk requests of a page are in flight together, at most {@link ChunkedPageReader#DEFAULT_CONCURRENCY} at a
 * time, and the output does not depend on the order the responses arrive in. No test here measures time: the
 * API holds responses back until other requests have arrived, which only a concurrent retriever can satisfy (a
 * sequential one gets a 400 after the hold expires and fails).
 */
class ChunkConcurrencyTest {

    private static final long HOLD_SECONDS = 20;

    private ChunkApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theFirstChunkIsAnsweredOnlyAfterTheSecondWasRequestedAndTheOutputKeepsChunkOrder() {
        CountDownLatch secondRequested = new CountDownLatch(1);
        api = ChunkApi.start(request -> {
            if (ChunkedRetrieverTest.CHUNK_2.equals(parameter(request, "fields"))) {
                secondRequested.countDown();
                return json("{\"data\": [{\"name\": \"second 1\"}, {\"id\": \"k\", \"nonary\": 2}]}");
            }
            if (!await(secondRequested)) {
                return ChunkApi.status(400, "{\"error\": \"chunk 2 was never requested while chunk 1 was pending\"}");
            }
            return json("{\"data\": [{\"id\": \"k\", \"first_name\": 1}, {\"name\": \"first 1\"}]}");
        });

        List<ObjectNode> records = Specs.read(Specs.retriever(ChunkedRetrieverTest.retriever(api.baseUrl(),
                ChunkedRetrieverTest.chunking(2, "id"), ""), Specs.context()));

        assertThat(records).extracting(ObjectNode::toString).containsExactly("{\"name\":\"first 1\"}",
                "{\"name\":\"second 1\"}", "{\"id\":\"k\",\"first_name\":1,\"nonary\":2}");
    }

    @Test
    void atMostTenChunkRequestsAreInFlight() {
        int chunks = 12;
        CountDownLatch tenArrived = new CountDownLatch(ChunkedPageReader.DEFAULT_CONCURRENCY);
        CountDownLatch eleventhArrived = new CountDownLatch(1);
        AtomicInteger arrivals = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        api = ChunkApi.start(request -> {
            int arrival = arrivals.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return answer(request.getUrl().queryParameter("fields"), arrival, tenArrived, eleventhArrived);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        List<String> properties = IntStream.rangeClosed(1, chunks).mapToObj(i -> String.format("p%02d", i)).toList();
        String yaml = """
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
                """.formatted(api.baseUrl(), properties);

        List<ObjectNode> records = Specs.read(Specs.retriever(yaml, Specs.context()));

        assertThat(mostInFlight).hasValue(ChunkedPageReader.DEFAULT_CONCURRENCY);
        assertThat(records).hasSize(1);
        List<String> fields = new ArrayList<>();
        records.get(0).fieldNames().forEachRemaining(fields::add);
        List<String> expected = new ArrayList<>(List.of("id"));
        expected.addAll(properties);
        assertThat(fields).as("merged in chunk order, whatever the arrival order").isEqualTo(expected);
    }

    /**
     * The first ten requests wait until all ten are in; then they wait a little for an eleventh, which a bounded
     * retriever does not send before one of them is answered.
     */
    private static MockResponse answer(String field, int arrival, CountDownLatch tenArrived,
            CountDownLatch eleventhArrived) {
        if (arrival > ChunkedPageReader.DEFAULT_CONCURRENCY) {
            eleventhArrived.countDown();
        } else {
            tenArrived.countDown();
            if (!await(tenArrived)) {
                return ChunkApi.status(400, "{\"error\": \"fewer than ten chunk requests were in flight\"}");
            }
            try {
                eleventhArrived.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return json("{\"data\": [{\"id\": \"k\", \"" + field + "\": " + arrival + "}]}");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
