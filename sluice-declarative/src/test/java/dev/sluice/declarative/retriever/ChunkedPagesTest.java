package dev.sluice.declarative.retriever;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static dev.sluice.declarative.requester.properties.ChunkApi.parameter;
import static dev.sluice.declarative.retriever.ChunkedRetrieverTest.CHUNK_1;
import static dev.sluice.declarative.retriever.ChunkedRetrieverTest.CHUNK_2;
import static dev.sluice.declarative.retriever.ChunkedRetrieverTest.chunking;
import static dev.sluice.declarative.retriever.ChunkedRetrieverTest.retriever;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.declarative.requester.properties.Specs;
import dev.sluice.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chunked pages across pagination, ignored and failed chunk requests, and the incomplete-record count. */
class ChunkedPagesTest {

    private static final String CURSOR = """
            paginator:
              type: DefaultPaginator
              page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: after}
              pagination_strategy:
                type: CursorPagination
                cursor_value: "{{ response.next }}"
                stop_condition: "{{ not response.next }}"
            """;

    private ChunkApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private SimpleRetriever build(String chunking, String paginator) {
        return Specs.retriever(retriever(api.baseUrl(), chunking, paginator), Specs.context());
    }

    private static String body(String records, String next) {
        return "{\"data\": " + records + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}";
    }

    @Test
    void everyChunkOfAPageUsesTheSameTokenAndTheLastChunkPicksTheNext() {
        api = ChunkApi.start(request -> {
            boolean first = CHUNK_1.equals(parameter(request, "fields"));
            String field = first ? "first_name" : "nonary";
            if (parameter(request, "after") == null) {
                return json(body("[{\"id\": \"a\", \"" + field + "\": 1}]", first ? "ignored" : "p2"));
            }
            if ("p2".equals(parameter(request, "after"))) {
                return json(body("[{\"id\": \"a\", \"" + field + "\": 2}]", null));
            }
            return ChunkApi.status(400, "{\"error\": \"unknown page\"}");
        });

        List<ObjectNode> records = Specs.read(build(chunking(2, "id"), CURSOR));

        assertThat(records).extracting(ObjectNode::toString).as("merged within each page only").containsExactly(
                "{\"id\":\"a\",\"first_name\":1,\"nonary\":1}", "{\"id\":\"a\",\"first_name\":2,\"nonary\":2}");
        assertThat(api.targets()).containsExactlyInAnyOrder(
                "/people?fields=first_name%2Clast_name", "/people?fields=nonary%2Cbracelet",
                "/people?fields=first_name%2Clast_name&after=p2", "/people?fields=nonary%2Cbracelet&after=p2");
    }

    @Test
    void thePageSizeIsTheNumberOfMergedRecords() {
        api = ChunkApi.start(request -> json(body("[{\"id\": \"a\"}, {\"id\": \"b\"}]", "more")));

        Specs.read(build(chunking(2, "id"), CURSOR.replace("{{ not response.next }}", "{{ last_page_size < 3 }}")));

        assertThat(api.requests()).as("2 merged records, not 4 partial ones, so the first page is the last").hasSize(2);
    }

    @Test
    void offsetPaginationCountsTheRawRecordsOfTheLastChunk() {
        api = ChunkApi.start(request -> CHUNK_1.equals(parameter(request, "fields"))
                ? json(body("[{\"id\": \"a\"}, {\"id\": \"b\"}]", null))
                : json(body("[{\"id\": \"a\"}]", null)));

        List<ObjectNode> records = Specs.read(build(chunking(2, "id"), """
                paginator:
                  type: DefaultPaginator
                  page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: offset}
                  pagination_strategy: {type: OffsetIncrement, page_size: 2}
                """));

        assertThat(records).hasSize(2);
        assertThat(api.requests()).as("the reference's OffsetIncrement recounts the last chunk: 1 < 2 ends").hasSize(2);
    }

    @Test
    void anIgnoredLastChunkEndsTheSliceAfterItsPageAndLeavesRecordsIncomplete() {
        api = ChunkApi.start(request -> CHUNK_1.equals(parameter(request, "fields"))
                ? json(body("[{\"id\": \"a\", \"first_name\": \"x\"}, {\"id\": \"b\", \"first_name\": \"y\"}]", "p2"))
                : ChunkApi.status(404, "{}"));
        String ignore404 = """
                error_handler:
                  type: DefaultErrorHandler
                  response_filters: [{type: HttpResponseFilter, http_codes: [404], action: IGNORE}]
                """;
        String yaml = retriever(api.baseUrl(), chunking(2, "id"), CURSOR)
                .replace("  path: /people\n", "  path: /people\n" + ignore404.indent(2));
        SimpleRetriever retriever = Specs.retriever(yaml, Specs.context());

        List<ObjectNode> records = Specs.read(retriever);

        assertThat(records).extracting(ObjectNode::toString).containsExactly(
                "{\"id\":\"a\",\"first_name\":\"x\"}", "{\"id\":\"b\",\"first_name\":\"y\"}");
        assertThat(api.requests()).hasSize(2);
        assertThat(retriever.incompleteMergedRecords()).isEqualTo(2);
    }

    @Test
    void recordsMissingFromAChunkAreCountedAndStillEmitted() {
        api = ChunkApi.start(request -> CHUNK_1.equals(parameter(request, "fields"))
                ? json(body("[{\"id\": \"a\", \"first_name\": 1}, {\"id\": \"b\", \"first_name\": 2}]", null))
                : json(body("[{\"id\": \"b\", \"nonary\": 2}, {\"id\": \"c\", \"nonary\": 3}]", null)));
        SimpleRetriever retriever = build(chunking(2, "id"), "");

        List<ObjectNode> records = Specs.read(retriever);
        Specs.read(retriever);

        assertThat(records).extracting(record -> record.get("id").asText()).containsExactly("a", "b", "c");
        assertThat(retriever.incompleteMergedRecords()).as("a and c, in each of two reads").isEqualTo(4);
    }

    @Test
    void aFailedChunkFailsThePageAfterTheRecordsOfTheChunksBeforeIt() {
        api = ChunkApi.start(request -> CHUNK_1.equals(parameter(request, "fields"))
                ? json(body("[{\"name\": \"no key 1\"}, {\"name\": \"no key 2\"}]", null))
                : ChunkApi.status(403, "{\"error\": \"forbidden\"}"));
        List<ObjectNode> records = new ArrayList<>();

        assertThatThrownBy(() -> build(chunking(2, "id"), "")
                .read(StreamSlice.EMPTY, RequestOptions.NONE, records::add))
                .isInstanceOf(HttpResponseException.class);
        assertThat(records).hasSize(2);
    }
}
