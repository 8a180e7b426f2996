package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.FailureType;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A parent/child incremental stream against a local API: a first sync, then a second sync from its state that asks
 * only for new data, and a sync in which one child slice fails.
 */
class ParentChildSyncTest {

    static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [projects]}
            concurrency_level: {type: ConcurrencyLevel, default_concurrency: 4}
            definitions:
              requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", http_method: GET}
              selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
              projects:
                type: DeclarativeStream
                name: projects
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: /projects}
                  record_selector: {$ref: "#/definitions/selector"}
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "{{ config['start_date'] }}"
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_after}
            streams:
              - "#/definitions/projects"
              - type: DeclarativeStream
                name: tasks
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: "/projects/{{ stream_partition.project_id }}/tasks"}
                  record_selector: {$ref: "#/definitions/selector"}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
                  partition_router:
                    type: SubstreamPartitionRouter
                    parent_stream_configs:
                      - type: ParentStreamConfig
                        stream: "#/definitions/projects"
                        parent_key: id
                        partition_field: project_id
                        incremental_dependency: true
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "{{ config['start_date'] }}"
                  step: P2D
                  cursor_granularity: PT1S
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_after}
                  end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_before}
            """;

    private final ProjectsApi api = new ProjectsApi();
    @RegisterExtension
    final MockApi server = new MockApi().otherwise(api::dispatch);
    private final TestClock clock = TestClock.at(Instant.parse("2024-01-05T00:00:00Z"));
    private Config config;

    @BeforeEach
    void start() {
        config = Config.of(json("{\"base_url\": \"" + server.url("/") + "\", \"start_date\": \"2024-01-01T00:00:00Z\"}"));
        api.project(1, "2024-01-02T12:00:00Z");
        api.project(2, "2024-01-01T12:00:00Z");
        api.task(1, 1, "2024-01-01T10:00:00Z");
        api.task(2, 1, "2024-01-02T10:00:00Z");
        api.task(3, 1, "2024-01-03T10:00:00Z");
        api.task(4, 2, "2024-01-01T12:00:00Z");
        api.task(5, 2, "2024-01-04T08:00:00Z");
        api.task(6, 2, "2024-01-04T09:00:00Z");
        api.task(7, 2, "2024-01-04T10:00:00Z");
    }

    private Output sync(StateInput state) {
        return ConnectorHarness.of(TestManifests.source(MANIFEST, clock)).withClock(clock).readAll(config, true, state);
    }

    private static List<Integer> ids(Output output, String stream) {
        return output.records(stream).stream().map(record -> record.get("id").asInt()).sorted().toList();
    }

    @Test
    void aSecondSyncAsksOnlyForWhatChangedSinceTheFirst() {
        Output first = sync(StateInput.empty());

        assertThat(first.exitCode()).isZero();
        assertThat(ids(first, "projects")).containsExactly(1, 2);
        assertThat(ids(first, "tasks")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(api.requests()).containsExactlyInAnyOrder(
                "/projects?updated_after=2024-01-01T00:00:00Z",
                "/projects?updated_after=2024-01-01T00:00:00Z",
                "/projects/1/tasks?updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T23:59:59Z",
                "/projects/1/tasks?page=2&updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T23:59:59Z",
                "/projects/1/tasks?updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-05T00:00:00Z",
                "/projects/2/tasks?updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T23:59:59Z",
                "/projects/2/tasks?updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-05T00:00:00Z",
                "/projects/2/tasks?page=2&updated_after=2024-01-03T00:00:00Z&updated_before=2024-01-05T00:00:00Z");
        assertThat(normalized(first.mostRecentState("tasks").orElseThrow())).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [
                   {"partition": {"parent_slice": {}, "project_id": 1}, "cursor": {"updated_at": "2024-01-03T10:00:00Z"}},
                   {"partition": {"parent_slice": {}, "project_id": 2}, "cursor": {"updated_at": "2024-01-04T10:00:00Z"}}],
                 "state": {"updated_at": "2024-01-04T10:00:00Z"},
                 "lookback_window": 0,
                 "parent_state": {"projects": {"updated_at": "2024-01-02T12:00:00Z"}}}"""));

        api.clearRequests();
        api.project(1, "2024-01-06T10:00:00Z");
        api.task(8, 1, "2024-01-06T10:00:00Z");
        api.project(3, "2024-01-06T12:00:00Z");
        api.task(9, 3, "2024-01-06T13:00:00Z");
        clock.advance(Duration.ofDays(2));
        Output second = sync(ConnectorHarness.stateOf(first));

        assertThat(ids(second, "projects")).containsExactly(1, 3);
        assertThat(ids(second, "tasks")).containsExactly(8, 9);
        assertThat(api.requests()).as("project 2 did not change, so its tasks are not asked for")
                .containsExactlyInAnyOrder(
                        "/projects?updated_after=2024-01-02T12:00:00Z",
                        "/projects?updated_after=2024-01-02T12:00:00Z",
                        "/projects/1/tasks?updated_after=2024-01-03T10:00:00Z&updated_before=2024-01-05T09:59:59Z",
                        "/projects/1/tasks?updated_after=2024-01-05T10:00:00Z&updated_before=2024-01-07T00:00:00Z",
                        "/projects/3/tasks?updated_after=2024-01-04T10:00:00Z&updated_before=2024-01-06T09:59:59Z",
                        "/projects/3/tasks?updated_after=2024-01-06T10:00:00Z&updated_before=2024-01-07T00:00:00Z");
        JsonNode state = normalized(second.mostRecentState("tasks").orElseThrow());
        assertThat(state.get("state")).isEqualTo(json("{\"updated_at\": \"2024-01-06T13:00:00Z\"}"));
        assertThat(state.get("parent_state")).isEqualTo(json("{\"projects\": {\"updated_at\": \"2024-01-06T12:00:00Z\"}}"));
        assertThat(state.get("states")).extracting(JsonNode::toString).asString()
                .contains("\"project_id\":3}", "2024-01-06T13:00:00Z", "2024-01-06T10:00:00Z");
    }

    @Test
    void aFailingSliceEndsTheStreamIncompleteWithoutClaimingIt() {
        api.failing.add("/projects/2/tasks?updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T23:59:59Z");

        Output output = sync(StateInput.empty());

        assertThat(ids(output, "tasks")).as("every other slice was read").containsExactly(1, 2, 3, 5, 6, 7);
        assertThat(output.statuses("tasks")).endsWith(AirbyteTrace.StreamStatus.INCOMPLETE);
        assertThat(output.statuses("projects")).endsWith(AirbyteTrace.StreamStatus.COMPLETE);
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
            assertThat(error.streamDescriptor().name()).isEqualTo("tasks");
        });
        assertThat(output.exitCode()).isEqualTo(1);
        JsonNode state = normalized(output.mostRecentState("tasks").orElseThrow());
        assertThat(state.get("states").get(1)).as("project 2 stays at the start: its first window failed")
                .isEqualTo(json("""
                        {"partition": {"parent_slice": {}, "project_id": 2}, "cursor": {"updated_at": "2024-01-01T00:00:00Z"}}"""));
        assertThat(state.has("state")).as("no global state while a partition is unfinished").isFalse();
        assertThat(state.get("parent_state")).as("the parent state never passes the failed partition")
                .isEqualTo(json("{\"projects\": {\"updated_at\": \"2024-01-01T00:00:00Z\"}}"));
    }
}
