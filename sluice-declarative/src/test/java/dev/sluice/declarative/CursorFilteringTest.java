package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code is_data_feed} (stop paginating at already synced records) and {@code is_client_side_incremental}. */
class CursorFilteringTest {

    private static final String MANIFEST = """
            version: 6.0.0
            check: {stream_names: [events]}
            streams:
              - type: DeclarativeStream
                name: events
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /events}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
                transformations:
                  - type: AddFields
                    fields: [{type: AddedFieldDefinition, path: [updated_at], value: "{{ record['modified'] }}"}]
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%d"
                  start_datetime: "2024-01-01"
                  end_datetime: "2024-01-08"
                  FLAG: true
            """;

    /** Newest first, two per page. */
    private static final Map<String, String> PAGES = Map.of(
            "1", "{\"data\": [{\"id\": 9, \"modified\": \"2024-01-09\"}, {\"id\": 8, \"modified\": \"2024-01-08\"}]}",
            "2", "{\"data\": [{\"id\": 7, \"modified\": \"2024-01-07\"}, {\"id\": 4, \"modified\": \"2024-01-04\"}]}",
            "3", "{\"data\": [{\"id\": 3, \"modified\": \"2024-01-03\"}, {\"id\": 2, \"modified\": \"2024-01-02\"}]}");

    @RegisterExtension
    final MockApi server = new MockApi();

    @BeforeEach
    void answerPages() {
        server.otherwise(request -> {
            String page = request.getUrl().queryParameter("page");
            return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body(PAGES.getOrDefault(page == null ? "1" : page, "{\"data\": []}")).build();
        });
    }

    private Output read(String flag) {
        DeclarativeSource source = TestManifests.source(MANIFEST.replace("FLAG", flag),
                TestManifests.clockAt("2024-01-20T00:00:00Z"));
        Config config = Config.of(Json.object().put("base_url", server.url("/").toString()));
        StateInput state = new StateInput(Map.of(new StreamDescriptor("events", null),
                new StreamState(TestManifests.object("{\"updated_at\": \"2024-01-05\"}"))));
        return ConnectorHarness.of(source).readAll(config, true, state);
    }

    private static List<Integer> ids(Output output) {
        return output.records("events").stream().map(record -> record.get("id").asInt()).toList();
    }

    @Test
    void aDataFeedStopsAfterThePageEndingWithAnAlreadySyncedRecordAndDropsOldRecords() throws InterruptedException {
        Output output = read("is_data_feed");

        assertThat(server.requestCount()).as("page 3 is never asked for").isEqualTo(2);
        assertThat(ids(output)).as("04 is older than the state, 09 newer than the end").containsExactly(8, 7);
        assertThat(normalized(output.mostRecentState("events").orElseThrow()))
                .isEqualTo(json("{\"updated_at\": \"2024-01-08\"}"));
    }

    @Test
    void aClientSideIncrementalStreamFiltersEveryPageAfterTheTransformations() {
        Output output = read("is_client_side_incremental");

        assertThat(server.requestCount()).isEqualTo(4);
        assertThat(ids(output)).containsExactly(8, 7);
        List<AirbyteStateMessage> states = output.states();
        assertThat(normalized(states.get(states.size() - 1).stream().streamState()))
                .isEqualTo(json("{\"updated_at\": \"2024-01-08\"}"));
    }
}
