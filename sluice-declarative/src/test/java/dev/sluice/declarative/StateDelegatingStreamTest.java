package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code StateDelegatingStream}: full refresh without state, incremental with it, unless the state is too old. */
class StateDelegatingStreamTest {

    private static final String MANIFEST = """
            version: 6.0.0
            check: {stream_names: [items]}
            definitions:
              selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
              cursor:
                type: DatetimeBasedCursor
                cursor_field: updated_at
                datetime_format: "%Y-%m-%d"
                start_datetime: "2024-01-01"
            streams:
              - type: StateDelegatingStream
                name: items
                api_retention_period: P30D
                full_refresh_stream:
                  type: DeclarativeStream
                  name: items
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /items}
                    record_selector: {$ref: "#/definitions/selector"}
                  incremental_sync: {$ref: "#/definitions/cursor"}
                incremental_stream:
                  type: DeclarativeStream
                  name: items
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /items_with_filtration}
                    record_selector: {$ref: "#/definitions/selector"}
                  incremental_sync:
                    $ref: "#/definitions/cursor"
                    start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: start}
                    end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: end}
            """;

    @RegisterExtension
    final MockApi server = new MockApi();
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void answerItems() {
        server.otherwise(request -> {
            synchronized (requests) {
                requests.add(ProjectsApi.describe(request.getUrl()));
            }
            return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body("[{\"id\": 1, \"updated_at\": \"2024-07-13\"}]").build();
        });
    }

    private Output read(String state) {
        DeclarativeSource source = TestManifests.source(MANIFEST, clockAt("2024-07-15T00:00:00Z"));
        Config config = Config.of(Json.object().put("base_url", server.url("/").toString()));
        StateInput input = state == null ? StateInput.empty() : new StateInput(Map.of(new StreamDescriptor("items", null),
                new StreamState(TestManifests.object(state))));
        return ConnectorHarness.of(source).readAll(config, true, input);
    }

    @Test
    void withoutStateTheFullRefreshStreamIsRead() {
        Output output = read(null);

        assertThat(requests).containsExactly("/items");
        assertThat(output.records("items")).hasSize(1);
    }

    @Test
    void withStateTheIncrementalStreamIsRead() {
        read("{\"updated_at\": \"2024-07-13\"}");

        assertThat(requests).containsExactly("/items_with_filtration?end=2024-07-15&start=2024-07-13");
    }

    @Test
    void aStateOlderThanTheRetentionPeriodIsResetFirst() {
        Output output = read("{\"updated_at\": \"2024-05-01\"}");

        assertThat(requests).containsExactly("/items");
        assertThat(normalized(output.states("items").get(0))).isEqualTo(json("{}"));
        assertThat(normalized(output.mostRecentState("items").orElseThrow()))
                .isEqualTo(json("{\"updated_at\": \"2024-07-13\"}"));
    }

    @Test
    void aCompletedFullRefreshStateIsWithinTheRetention() {
        read("{\"__ab_no_cursor_state_message\": true}");

        assertThat(requests).containsExactly("/items_with_filtration?end=2024-07-15&start=2024-01-01");
    }

    @Test
    void theNamesMustAgree() {
        assertThatThrownBy(() -> TestManifests.bind(MANIFEST.replace("name: items\n    api", "name: other\n    api")))
                .isInstanceOf(ManifestException.class).hasMessageContaining("must have equal names");
    }
}
