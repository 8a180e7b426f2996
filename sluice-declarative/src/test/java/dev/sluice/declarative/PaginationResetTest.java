package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PaginationReset} and a {@code RESET_PAGINATION} response action, against a local API. The cases and their
 * expected record counts are the reference's (airbyte-python-cdk
 * unit_tests/sources/declarative/test_concurrent_declarative_source.py, {@code test_given_*_reset_pagination} and
 * {@code test_given_record_selector_is_filtering_when_read_then_raise_error}); the repeat rules are those of
 * airbyte_cdk/sources/declarative/retrievers/pagination_tracker.py.
 */
class PaginationResetTest {

    @RegisterExtension
    final MockApi api = new MockApi();

    /** Answers by path and query (e.g. {@code /test?from=2022-01-01}); each target's answers in turn, last repeated. */
    private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();

    private void answer(String target, MockResponse... responses) {
        answers.put(target, new ArrayDeque<>(List.of(responses)));
        api.otherwise(this::byTarget);
    }

    private MockResponse byTarget(RecordedRequest request) {
        Deque<MockResponse> queue = answers.get(request.getTarget());
        if (queue == null) {
            return MockApi.json(404, "{\"error\": \"unexpected " + request.getTarget() + "\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static final String INCREMENTAL = """
                incremental_sync:
                  type: DatetimeBasedCursor
                  start_datetime: {datetime: "2022-01-01"}
                  end_datetime: "END"
                  datetime_format: "%Y-%m-%d"
                  cursor_datetime_formats: ["%Y-%m-%d"]
                  cursor_granularity: P1D
                  step: P1Y
                  cursor_field: updated_at
                """;

    private static String manifest(String path, String requesterExtra, String retrieverExtra, String streamExtra) {
        return """
                version: 6.0.0
                check: {stream_names: [Test]}
                streams:
                  - type: DeclarativeStream
                    name: Test
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config['base_url'] }}"
                        path: "PATH"
                REQUESTER
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                RETRIEVER
                STREAM
                """.replace("PATH", path)
                .replace("REQUESTER", TestManifests.indent(requesterExtra, 8))
                .replace("RETRIEVER", TestManifests.indent(retrieverExtra, 6))
                .replace("STREAM", TestManifests.indent(streamExtra, 4));
    }

    private static final String RESET_ON_400 = """
            error_handler:
              type: DefaultErrorHandler
              response_filters: [{http_codes: [400], action: RESET_PAGINATION, failure_type: system_error}]
            """;

    private static final String SPLIT_AFTER_2 = """
            pagination_reset:
              type: PaginationReset
              action: SPLIT_USING_CURSOR
              limits: {type: PaginationResetLimits, number_of_records: 2}
            """;

    private Output read(String manifest) {
        DeclarativeSource source = TestManifests.source(manifest, TestManifests.clockAt("2024-06-01T00:00:00Z"));
        Config config = Config.of(Json.object().put("base_url", api.url("/").toString().replaceAll("/$", "")));
        return ConnectorHarness.of(source).readAll(config, true, StateInput.empty());
    }

    private static List<Integer> ids(Output output) {
        return output.records("Test").stream().map(record -> record.get("id").asInt()).toList();
    }

    @Test
    void aResetPaginationResponseReadsTheSliceAgainEvenWithoutPaginationReset() {
        answer("/test", MockApi.json(400, "\"\""), MockApi.json("[{\"id\": 1}]"));

        Output output = read(manifest("/test", RESET_ON_400, "", ""));

        assertThat(output.errors()).isEmpty();
        assertThat(ids(output)).containsExactly(1);
        assertThat(api.targets()).containsExactly("GET /test", "GET /test");
    }

    @Test
    void withoutACursorASecondResetOfTheSameSliceFailsTheStream() {
        answer("/test", MockApi.json(400, "{}"));

        Output output = read(manifest("/test", RESET_ON_400, "", ""));

        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(output.errors()).first().satisfies(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
            assertThat(error.internalMessage()).contains("2 attempts with the same slice already while the max "
                    + "allowed is 2");
        });
    }

    @Test
    void reachingTheRecordLimitSplitsTheSliceAtTheHighestCursorValue() {
        answer("/test?from=2022-01-01", MockApi.json(
                "[{\"id\": 1, \"updated_at\": \"2022-02-01\"}, {\"id\": 2, \"updated_at\": \"2022-03-01\"}]"));
        answer("/test?from=2022-03-01", MockApi.json("[{\"id\": 3, \"updated_at\": \"2022-04-01\"}]"));
        answer("/test?from=2023-01-01", MockApi.json("[{\"id\": 4, \"updated_at\": \"2023-04-01\"}]"));

        Output output = read(manifest("/test?from={{ stream_interval.start_time }}", "", SPLIT_AFTER_2,
                INCREMENTAL.replace("END", "2023-12-31")));

        assertThat(output.errors()).isEmpty();
        assertThat(ids(output)).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(api.targets()).containsExactlyInAnyOrder("GET /test?from=2022-01-01", "GET /test?from=2022-03-01",
                "GET /test?from=2023-01-01");
    }

    @Test
    void aPartitionedCursorSplitsEachPartitionsSlice() {
        answer("/test?partition=1&from=2022-01-01", MockApi.json(
                "[{\"id\": 1, \"updated_at\": \"2022-02-01\"}, {\"id\": 2, \"updated_at\": \"2022-03-01\"}]"));
        answer("/test?partition=1&from=2022-03-01", MockApi.json("[{\"id\": 3, \"updated_at\": \"2022-04-01\"}]"));
        answer("/test?partition=2&from=2022-01-01", MockApi.json("[{\"id\": 4, \"updated_at\": \"2023-04-01\"}]"));
        String router = SPLIT_AFTER_2 + "partition_router: {type: ListPartitionRouter, cursor_field: parent_id, "
                + "values: [\"1\", \"2\"]}\n";

        Output output = read(manifest("/test?partition={{ stream_partition.parent_id }}&from="
                + "{{ stream_interval.start_time }}", "", router, INCREMENTAL.replace("END", "2022-12-31")));

        assertThat(output.errors()).isEmpty();
        assertThat(ids(output)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void aResetActionReadsTheSameSliceFromItsFirstPageEvenWithACursor() {
        answer("/test?from=2022-01-01", MockApi.json("{\"results\": [{\"id\": 1, \"updated_at\": \"2022-02-01\"}, "
                + "{\"id\": 2, \"updated_at\": \"2022-03-01\"}], \"next\": \"toto\"}"));
        answer("/test?from=2022-01-01&cursor=toto", MockApi.json(400, "{}"),
                MockApi.json("{\"results\": [{\"id\": 3, \"updated_at\": \"2022-04-01\"}]}"));
        String retriever = """
                paginator:
                  type: DefaultPaginator
                  page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: cursor}
                  pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}"}
                pagination_reset: {type: PaginationReset, action: RESET}
                """;

        Output output = read(manifest("/test?from={{ stream_interval.start_time }}", RESET_ON_400, retriever,
                INCREMENTAL.replace("END", "2022-12-31")).replace("field_path: []", "field_path: [results]"));

        assertThat(output.errors()).isEmpty();
        assertThat(ids(output)).as("the first page is read twice").containsExactly(1, 2, 1, 2, 3);
    }

    @Test
    void aSplitThatMakesNoProgressFailsInsteadOfLooping() {
        answer("/test?from=2022-01-01", MockApi.json(
                "[{\"id\": 1, \"updated_at\": \"2022-02-01\"}, {\"id\": 2, \"updated_at\": \"2022-03-01\"}]"));
        answer("/test?from=2022-03-01", MockApi.json(
                "[{\"id\": 2, \"updated_at\": \"2022-03-01\"}, {\"id\": 2, \"updated_at\": \"2022-03-01\"}]"));

        Output output = read(manifest("/test?from={{ stream_interval.start_time }}", "", SPLIT_AFTER_2,
                INCREMENTAL.replace("END", "2022-12-31")));

        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(output.errors()).first().satisfies(error ->
                assertThat(error.internalMessage()).contains("1 attempts with the same slice already"));
    }

    @Test
    void limitsWithARecordFilterAreRefusedWithTheirPathAndLine() {
        String manifest = manifest("/test", "", SPLIT_AFTER_2, "")
                .replace("field_path: []}}", "field_path: []}, record_filter: {condition: \"{{ true }}\"}}");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever")
                .hasMessageContaining("PaginationResetLimits are not supported while having record filter")
                .hasMessageContaining("line 7");
    }

    @Test
    void anUnknownActionIsRefused() {
        String manifest = manifest("/test", "", "pagination_reset: {type: PaginationReset, action: SPLIT}", "");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].retriever.pagination_reset.action")
                .hasMessageContaining("SPLIT_USING_CURSOR");
    }
}
