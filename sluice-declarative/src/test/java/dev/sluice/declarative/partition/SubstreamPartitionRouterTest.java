package dev.sluice.declarative.partition;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.context;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.object;
import static dev.sluice.declarative.TestManifests.routers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partitions from parent stream records, read from a local API. */
class SubstreamPartitionRouterTest {

    private static final Map<String, String> RESPONSES = Map.of(
            "/boards", """
                    {"data": [
                      {"id": 1, "updated_at": "2024-01-02", "meta": {"name": "first"}, "cards": [{"id": 10}]},
                      {"name": "no id, no partition", "updated_at": "2024-01-03"},
                      {"id": 3, "updated_at": "2024-01-04"}]}""",
            "/boards/1/lists", "{\"data\": [{\"id\": 11}, {\"id\": 12}]}",
            "/boards/3/lists", "{\"data\": [{\"id\": 31}]}");

    private static final String DEFINITIONS = """
            boards:
              type: DeclarativeStream
              name: boards
              retriever:
                type: SimpleRetriever
                requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /boards}
                record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
              incremental_sync:
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                start_datetime: "2024-01-01"
            lists:
              type: DeclarativeStream
              name: lists
              retriever:
                type: SimpleRetriever
                requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: "/boards/{{ stream_partition.board_id }}/lists"}
                record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                partition_router:
                  type: SubstreamPartitionRouter
                  parent_stream_configs:
                    - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id}
            """;

    private final MockWebServer server = new MockWebServer();
    private BuildContext context;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = RESPONSES.getOrDefault(request.getUrl().encodedPath(), "{\"data\": []}");
                return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
            }
        });
        server.start();
        context = context("{\"base_url\": \"" + server.url("/") + "\"}", clockAt("2024-01-10T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PartitionRouter router(String yaml, StreamState childState) {
        List<PartitionRouterSpec> specs = routers(yaml, DEFINITIONS);
        assertThat(specs).hasSize(1);
        return specs.get(0).build(context, childState);
    }

    private static List<StreamSlice> partitions(PartitionRouter router) {
        List<StreamSlice> partitions = new ArrayList<>();
        router.partitions(partitions::add);
        return partitions;
    }

    @Test
    void onePartitionPerParentRecordWithAKeyAndItsExtraFields() {
        PartitionRouter router = router("""
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - type: ParentStreamConfig
                    stream: "#/definitions/boards"
                    parent_key: id
                    partition_field: board_id
                    extra_fields: [["meta", "name"]]
                    request_option: {type: RequestOption, inject_into: request_parameter, field_name: board}
                """, StreamState.empty());

        List<StreamSlice> partitions = partitions(router);
        assertThat(partitions).extracting(slice -> slice.partition() + " " + slice.extraFields()).containsExactly(
                "{\"board_id\":1,\"parent_slice\":{}} {\"meta.name\":\"first\"}",
                "{\"board_id\":3,\"parent_slice\":{}} {\"meta.name\":null}");
        assertThat(router.requestOptions(partitions.get(1)).parameterText("board")).isEqualTo("3");
        assertThat(router.parentState()).as("no parent is read with incremental_dependency").isEqualTo(json("{}"));
    }

    @Test
    void anIncrementalDependencyResumesTheParentFromTheStoredParentStateAndReportsItsNewState() throws Exception {
        PartitionRouter router = router("""
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id,
                     incremental_dependency: true}
                """, new StreamState(object("{\"parent_state\": {\"boards\": {\"updated_at\": \"2024-01-02\"}}}")));

        assertThat(partitions(router)).hasSize(2);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/boards");
        assertThat(router.parentState()).isEqualTo(json("{\"boards\": {\"updated_at\": \"2024-01-04\"}}"));
    }

    /**
     * substream_partition_router.py's {@code get_stream_state} reads each parent's {@code cursor.state}, a cursor
     * built with the stream: before the parent is read, that is the cursor's initial state (for a datetime cursor
     * with no state, its start), not {@code {}}.
     */
    @Test
    void aParentNotReadYetReportsItsCursorsInitialState() {
        PartitionRouter router = router("""
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id,
                     incremental_dependency: true}
                """, StreamState.empty());

        assertThat(router.parentState()).isEqualTo(json("{\"boards\": {\"updated_at\": \"2024-01-01\"}}"));
        assertThat(server.getRequestCount()).as("nothing is read to know it").isZero();
    }

    @Test
    void nestedSubstreamsCarryTheParentSlice() {
        PartitionRouter router = router("""
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - {type: ParentStreamConfig, stream: "#/definitions/lists", parent_key: id, partition_field: list_id}
                """, StreamState.empty());

        assertThat(partitions(router)).extracting(slice -> slice.partition().toString()).containsExactly(
                "{\"list_id\":11,\"parent_slice\":{\"board_id\":1,\"parent_slice\":{}}}",
                "{\"list_id\":12,\"parent_slice\":{\"board_id\":1,\"parent_slice\":{}}}",
                "{\"list_id\":31,\"parent_slice\":{\"board_id\":3,\"parent_slice\":{}}}");
    }

    @Test
    void aLazyReadPointerHandsTheEmbeddedRecordsToTheChild() {
        PartitionRouter router = router("""
                type: SubstreamPartitionRouter
                parent_stream_configs:
                  - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id,
                     lazy_read_pointer: [cards]}
                """, StreamState.empty());

        assertThat(partitions(router)).extracting(slice -> slice.extraFields().toString())
                .containsExactly("{\"child_response\":[{\"id\":10}]}", "{\"child_response\":[]}");
    }

    @Test
    void aUnionOfSubstreamsKeepsOnlyThePartitionFieldInThePartition() {
        PartitionRouter router = router("""
                type: UnionPartitionRouter
                partition_field: board_id
                partition_routers:
                  - {type: ListPartitionRouter, cursor_field: board_id, values: ["7"]}
                  - type: SubstreamPartitionRouter
                    parent_stream_configs:
                      - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id}
                """, StreamState.empty());

        assertThat(partitions(router)).extracting(slice -> slice.partition() + " " + slice.extraFields()).containsExactly(
                "{\"board_id\":\"7\"} {}", "{\"board_id\":1} {\"parent_slice\":{}}", "{\"board_id\":3} {\"parent_slice\":{}}");
    }
}
