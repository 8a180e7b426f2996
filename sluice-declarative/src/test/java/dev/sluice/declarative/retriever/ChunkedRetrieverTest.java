package dev.sluice.declarative.retriever;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static dev.sluice.declarative.requester.properties.ChunkApi.parameter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.declarative.requester.properties.Specs;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * property_chunking.md §6.7 ({@code test_simple_retriever.py}): one request per chunk, records merged by key
 * within the page, against a local API that answers each chunk by its {@code fields} parameter.
 */
class ChunkedRetrieverTest {

    static final String CHUNK_1 = "first_name,last_name";
    static final String CHUNK_2 = "nonary,bracelet";
    private static final String FIRST_HALVES = """
            {"data": [
              {"id": "a", "first_name": "gentarou", "last_name": "hongou",
               "dict_field": {"key1": "value1", "affiliation": {"company": "cradle"}}},
              {"id": "b", "first_name": "clover", "last_name": "field"},
              {"id": "c", "first_name": "akane", "last_name": "kurashiki", "allies": ["aoi_kurashiki"]},
              {"id": "d", "first_name": "sigma", "last_name": "klim"},
              {"id": "e", "first_name": "light", "last_name": "field"}]}""";
    private static final String SECOND_HALVES = """
            {"data": [
              {"id": "e", "nonary": "second", "bracelet": "2"},
              {"id": "d", "nonary": "ambidex", "bracelet": "red"},
              {"id": "c", "nonary": "second", "bracelet": "6"},
              {"id": "b", "nonary": "ambidex", "bracelet": "green"},
              {"id": "a", "nonary": "second", "bracelet": "1",
               "dict_field": {"key2": "value2", "affiliation": {"industry": "pharmaceutical"}}}]}""";
    private static final String MERGED = """
            [{"id": "a", "first_name": "gentarou", "last_name": "hongou", "nonary": "second", "bracelet": "1",
              "dict_field": {"key1": "value1", "key2": "value2",
                             "affiliation": {"company": "cradle", "industry": "pharmaceutical"}}},
             {"id": "b", "first_name": "clover", "last_name": "field", "nonary": "ambidex", "bracelet": "green"},
             {"id": "c", "first_name": "akane", "last_name": "kurashiki", "nonary": "second", "bracelet": "6",
              "allies": ["aoi_kurashiki"]},
             {"id": "d", "first_name": "sigma", "last_name": "klim", "nonary": "ambidex", "bracelet": "red"},
             {"id": "e", "first_name": "light", "last_name": "field", "nonary": "second", "bracelet": "2"}]""";

    private ChunkApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    /** The retriever of the reference tests: four properties, {@code chunking} as given, {@code paginator} too. */
    static String retriever(String baseUrl, String chunking, String paginator) {
        return """
                type: SimpleRetriever
                requester:
                  type: HttpRequester
                  url_base: "%s"
                  path: /people
                  request_parameters:
                    fields:
                      type: QueryProperties
                      property_list: [first_name, last_name, nonary, bracelet]
                      always_include_properties: []
                %s
                record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                %s
                """.formatted(baseUrl, chunking.indent(6).stripTrailing(), paginator);
    }

    static String chunking(int limit, String mergeKey) {
        return """
                property_chunking:
                  type: PropertyChunking
                  property_limit_type: property_count
                  property_limit: %d
                  record_merge_strategy: {type: GroupByKeyMergeStrategy, key: %s}
                """.formatted(limit, mergeKey);
    }

    private List<ObjectNode> read(String chunking, String paginator) {
        return Specs.read(Specs.retriever(retriever(api.baseUrl(), chunking, paginator), Specs.context()));
    }

    private static MockResponse byChunk(RecordedRequest request, Map<String, String> bodies) {
        String body = bodies.get(parameter(request, "fields"));
        return body == null ? ChunkApi.status(400, "{\"error\": \"unexpected fields\"}") : json(body);
    }

    @Test
    void r1TwoChunksMergedById() throws Exception {
        api = ChunkApi.start(request -> byChunk(request, Map.of(CHUNK_1, FIRST_HALVES, CHUNK_2, SECOND_HALVES)));

        List<ObjectNode> records = read(chunking(2, "id"), "");

        assertThat(records).isEqualTo(list(MERGED));
        assertThat(api.targets()).containsExactlyInAnyOrder("/people?fields=first_name%2Clast_name",
                "/people?fields=nonary%2Cbracelet");
    }

    @Test
    void r1TheDefaultMergeKeyIsTheId() throws Exception {
        api = ChunkApi.start(request -> byChunk(request, Map.of(CHUNK_1, FIRST_HALVES, CHUNK_2, SECOND_HALVES)));

        List<ObjectNode> records = read("""
                property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 2}
                """, "");

        assertThat(records).isEqualTo(list(MERGED));
    }

    @Test
    void r2QueryPropertiesWithoutChunkingArePagedWithoutMerging() throws Exception {
        String all = "first_name,last_name,nonary,bracelet";
        api = ChunkApi.start(request -> !all.equals(parameter(request, "fields"))
                ? ChunkApi.status(400, "{}")
                : parameter(request, "page") == null
                        ? json("{\"data\": [{\"id\": \"a\", \"field\": \"value_first_page\"}], \"next\": 1}")
                        : json("{\"data\": [{\"id\": \"b\", \"field\": \"value_second_page\"}]}"));

        List<ObjectNode> records = read("", """
                paginator:
                  type: DefaultPaginator
                  page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                  pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}",
                                        stop_condition: "{{ not response.next }}"}
                """);

        assertThat(records).isEqualTo(list("[{\"id\": \"a\", \"field\": \"value_first_page\"},"
                + " {\"id\": \"b\", \"field\": \"value_second_page\"}]"));
        assertThat(api.targets()).containsExactly("/people?fields=first_name%2Clast_name%2Cnonary%2Cbracelet",
                "/people?fields=first_name%2Clast_name%2Cnonary%2Cbracelet&page=1");
    }

    @Test
    void r3OneChunkPassesRecordsThrough() throws Exception {
        String records = """
                {"data": [
                  {"id": "a", "first_name": "gentarou", "last_name": "hongou", "nonary": "second", "bracelet": "1"},
                  {"id": "b", "first_name": "clover", "last_name": "field", "nonary": "ambidex", "bracelet": "green"},
                  {"id": "c", "first_name": "akane", "last_name": "kurashiki", "nonary": "second", "bracelet": "6"},
                  {"id": "d", "first_name": "sigma", "last_name": "klim", "nonary": "ambidex", "bracelet": "red"},
                  {"id": "e", "first_name": "light", "last_name": "field", "nonary": "second", "bracelet": "2"},
                  {"id": "f", "first_name": "carlos", "nonary": "decision", "bracelet": "c"}]}""";
        api = ChunkApi.start(request -> byChunk(request, Map.of("first_name,last_name,nonary,bracelet", records)));

        assertThat(read(chunking(10, "id"), "")).isEqualTo(list(Json.MAPPER.readTree(records).get("data").toString()));
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void r4RecordsWithoutTheMergeKeyComeOutUnmergedInArrivalOrder() {
        api = ChunkApi.start(request -> byChunk(request, Map.of(CHUNK_1, FIRST_HALVES, CHUNK_2, SECOND_HALVES)));

        List<ObjectNode> records = read(chunking(2, "not_real"), "");

        assertThat(records).extracting(record -> record.get("id").asText())
                .containsExactly("a", "b", "c", "d", "e", "e", "d", "c", "b", "a");
        assertThat(records.get(0).has("nonary")).isFalse();
        assertThat(records.get(5).has("first_name")).isFalse();
    }

    @Test
    void integerIdsAreMergedToo() {
        api = ChunkApi.start(request -> byChunk(request, Map.of(
                CHUNK_1, "{\"data\": [{\"id\": 1, \"first_name\": \"a\"}, {\"id\": 2, \"first_name\": \"b\"}]}",
                CHUNK_2, "{\"data\": [{\"id\": 2, \"nonary\": \"y\"}, {\"id\": 1, \"nonary\": \"x\"}]}")));

        List<ObjectNode> records = read(chunking(2, "id"), "");

        assertThat(records).extracting(JsonNode::toString).containsExactly(
                "{\"id\":1,\"first_name\":\"a\",\"nonary\":\"x\"}", "{\"id\":2,\"first_name\":\"b\",\"nonary\":\"y\"}");
    }

    static List<ObjectNode> list(String json) throws Exception {
        return Json.MAPPER.readValue(json, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, ObjectNode.class));
    }
}
