package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.TestRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A datetime stream's history split into date ranges ({@code Stream.historySplitting()}): contiguous ranges that meet as
 * the stream's own windows do, each read alone to its end, and the rest read on as the stream itself; together they
 * read exactly what one whole read does.
 */
class HistorySplitTest {

    @RegisterExtension
    final TestRun testRun = new TestRun();
    private final RunContext run = testRun.context();

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [tasks]}
            streams:
              - type: DeclarativeStream
                name: tasks
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /projects/1/tasks}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "{{ config['start_date'] }}"
                  step: P1D
                  cursor_granularity: PT1S
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_after}
                  end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_before}
            """;

    private final ProjectsApi api = new ProjectsApi();
    private final MockWebServer server = new MockWebServer();
    private Config config;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(api);
        server.start();
        config = Config.of(json("{\"base_url\": \"" + server.url("/") + "\", \"start_date\": \"2024-01-01T00:00:00Z\"}"));
        String[] times = {"2024-01-01T10:00:00Z", "2024-01-02T09:00:00Z", "2024-01-02T23:00:00Z",
            "2024-01-03T00:30:00Z", "2024-01-04T12:00:00Z", "2024-01-05T06:00:00Z", "2024-01-06T20:00:00Z"};
        for (int i = 0; i < times.length; i++) {
            api.task(i + 1, 1, times[i]);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Stream stream(String manifest) {
        return TestManifests.source(manifest, TestManifests.clockAt("2024-01-07T00:00:00Z")).streams(config, run).get(0);
    }

    private static Optional<HistorySplit> split(Stream stream, int count) {
        return stream.historySplitting().flatMap(splitting -> splitting.split(count));
    }

    @Test
    void theHistoryIsCutIntoContiguousRangesThatMeetAsWindowsDo() {
        HistorySplit split = split(stream(MANIFEST), 3).orElseThrow();

        assertThat(split.ranges()).containsExactly(
                new HistoryRange("2024-01-01T00:00:00Z", "2024-01-02T23:59:59Z"),
                new HistoryRange("2024-01-03T00:00:00Z", "2024-01-04T23:59:59Z"));
        assertThat(split.ranges()).allMatch(StreamPartition::bounded);
        assertThat(split.ranges().get(0).key())
                .isEqualTo("{\"end\":\"2024-01-02T23:59:59Z\",\"start\":\"2024-01-01T00:00:00Z\"}");
        assertThat(split.rest().json()).isEqualTo(json("{\"updated_at\": \"2024-01-05T00:00:00Z\"}"));
        assertThat(api.requests()).as("splitting reads nothing").isEmpty();
    }

    @Test
    void theRangesAndTheRestTogetherReadWhatOneWholeReadReads() {
        Stream tasks = stream(MANIFEST);
        RecordingSink whole = new RecordingSink();
        tasks.read(ReadRequest.incremental(StreamState.empty(), run), whole);
        HistorySplit split = split(tasks, 3).orElseThrow();
        api.clearRequests();

        List<Integer> ids = new ArrayList<>();
        for (HistoryRange range : split.ranges()) {
            RecordingSink sink = new RecordingSink();
            range.readFrom(tasks, ReadRequest.incremental(StreamState.empty(), run), sink);
            ids.addAll(sink.ids());
        }
        RecordingSink rest = new RecordingSink();
        tasks.read(ReadRequest.incremental(split.rest(), run), rest);
        ids.addAll(rest.ids());

        assertThat(ids).containsExactlyInAnyOrderElementsOf(whole.ids()).hasSize(7);
        assertThat(rest.ids()).containsExactly(6, 7);
        assertThat(rest.lastState()).isEqualTo(json("{\"updated_at\": \"2024-01-06T20:00:00Z\"}"));
        assertThat(api.requests()).filteredOn(request -> !request.contains("page="))
                .as("every window of the whole read, once").containsExactlyInAnyOrder(
                        "/projects/1/tasks?updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-01T23:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-02T00:00:00Z&updated_before=2024-01-02T23:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-03T23:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-04T00:00:00Z&updated_before=2024-01-04T23:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-05T00:00:00Z&updated_before=2024-01-05T23:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-06T00:00:00Z&updated_before=2024-01-07T00:00:00Z");
    }

    @Test
    void aRangeResumesFromItsStateAndStopsAtItsEnd() {
        Stream tasks = stream(MANIFEST);
        HistoryRange second = split(tasks, 3).orElseThrow().ranges().get(1);

        RecordingSink sink = new RecordingSink();
        second.readFrom(tasks, ReadRequest.incremental(StreamState.of(json(
                "{\"updated_at\": \"2024-01-03T06:00:00Z\"}")), run), sink);

        assertThat(sink.ids()).containsExactly(5);
        assertThat(api.requests()).containsExactlyInAnyOrder(
                "/projects/1/tasks?updated_after=2024-01-03T06:00:00Z&updated_before=2024-01-04T05:59:59Z",
                "/projects/1/tasks?updated_after=2024-01-04T06:00:00Z&updated_before=2024-01-04T23:59:59Z");
        assertThat(sink.lastState()).isEqualTo(json("{\"updated_at\": \"2024-01-04T12:00:00Z\"}"));
    }

    @Test
    void boundariesAreWrittenInTheDatetimeFormat() {
        String days = MANIFEST.replace("\"%Y-%m-%dT%H:%M:%SZ\"", "\"%Y-%m-%d\"").replace("PT1S", "P1D")
                .replace("\"{{ config['start_date'] }}\"", "\"2024-01-01\"");

        HistorySplit split = split(stream(days), 4).orElseThrow();

        assertThat(split.ranges()).containsExactly(
                new HistoryRange("2024-01-01", "2024-01-01"),
                new HistoryRange("2024-01-02", "2024-01-03"),
                new HistoryRange("2024-01-04", "2024-01-04"));
        assertThat(split.rest().json()).isEqualTo(json("{\"updated_at\": \"2024-01-05\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one part           | 'step: P1D'                                   | 'step: P1D'                               | 1
            no step            | 'step: P1D\\n      cursor_granularity: PT1S'   | 'lookback_window: PT0S'                   | 3
            a data feed        | 'step: P1D'                                   | 'step: P1D\\n      is_data_feed: true'    | 3
            a second of history | '"{{ config[''start_date''] }}"'             | '"2024-01-06T23:59:59Z"'                  | 3
            """)
    void someStreamsAreNotSplit(String name, String from, String to, int count) {
        String manifest = MANIFEST.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(MANIFEST).contains(from.replace("\\n", "\n"));

        assertThat(split(stream(manifest), count)).isEmpty();
    }

    @Test
    void aSubstreamIsNotSplitIntoRanges() {
        Stream tasks = TestManifests.source(ParentChildSyncTest.MANIFEST, TestManifests.clockAt("2024-01-07T00:00:00Z"))
                .streams(config, run).stream().filter(stream -> stream.name().equals("tasks")).findFirst().orElseThrow();

        assertThat(tasks.historySplitting()).isEmpty();
    }
}
