package dev.sluice.declarative;

import static dev.sluice.declarative.TestManifests.clockAt;
import static dev.sluice.declarative.TestManifests.json;
import static dev.sluice.declarative.TestManifests.normalized;
import static dev.sluice.declarative.TestManifests.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed cursors in the catalog, state migrations and manifest errors in cursor and router settings. */
class StreamSpecsTest {

    private static final String BOARDS = """
            boards:
              type: DeclarativeStream
              name: boards
              retriever:
                type: SimpleRetriever
                requester: {type: HttpRequester, url_base: "http://localhost", path: /boards}
                record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
            """;

    private static String manifest(String router, String cursor, String extra) {
        return """
                version: 6.0.0
                check: {stream_names: [cards]}
                definitions:
                """ + TestManifests.indent(BOARDS, 2) + """
                streams:
                  - type: DeclarativeStream
                    name: cards
                    retriever:
                      type: SimpleRetriever
                      requester: {type: HttpRequester, url_base: "http://localhost", path: /cards}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                """ + (router.isEmpty() ? "" : "      partition_router:\n" + TestManifests.indent(router, 8))
                + (cursor.isEmpty() ? "" : "    incremental_sync:\n" + TestManifests.indent(cursor, 6))
                + TestManifests.indent(extra, 4);
    }

    private static final String SUBSTREAM = """
            type: SubstreamPartitionRouter
            parent_stream_configs:
              - {type: ParentStreamConfig, stream: "#/definitions/boards", parent_key: id, partition_field: board_id}
            """;
    private static final String CURSOR = """
            type: DatetimeBasedCursor
            cursor_field: "{{ parameters['cursor'] }}"
            datetime_format: "%Y-%m-%d"
            start_datetime: "2024-01-01"
            $parameters: {cursor: updated_at}
            """;

    private static DeclarativeStream stream(String yaml) {
        DeclarativeSource source = TestManifests.source(yaml, clockAt("2024-02-01T00:00:00Z"));
        return (DeclarativeStream) source.streams(Config.of(Json.object()), TestRuns.open()).get(0);
    }

    @Test
    void aLegacySubstreamStateIsMigratedToThePerPartitionForm() {
        String plainCursor = CURSOR.replace("\"{{ parameters['cursor'] }}\"", "updated_at");
        DeclarativeStream cards = stream(manifest(SUBSTREAM, plainCursor,
                "state_migrations: [{type: LegacyToPerPartitionStateMigration}]"));

        StreamState migrated = cards.plan(new StreamState(object("{\"13\": {\"updated_at\": \"2024-01-03\"}}")))
                .cursor().state();
        assertThat(normalized(migrated.json())).isEqualTo(json("""
                {"use_global_cursor": false,
                 "states": [{"partition": {"board_id": "13"}, "cursor": {"updated_at": "2024-01-03"}}],
                 "lookback_window": 0}"""));
        StreamState perPartition = new StreamState(object("""
                {"states": [{"partition": {"board_id": 1, "parent_slice": {}}, "cursor": {"updated_at": "2024-01-05"}}]}"""));
        assertThat(cards.plan(perPartition).cursor().state().json().get("states").get(0).get("cursor"))
                .as("a state already migrated is left alone").isEqualTo(json("{\"updated_at\": \"2024-01-05\"}"));
    }

    @Test
    void aLegacyMigrationNeedsASubstreamRouter() {
        String list = "{type: ListPartitionRouter, cursor_field: board_id, values: [\"1\"]}";
        assertThatThrownBy(() -> stream(manifest(list, CURSOR,
                "state_migrations: [{type: LegacyToPerPartitionStateMigration}]")))
                .isInstanceOf(ManifestException.class).hasMessageContaining("SubstreamPartitionRouter");
    }

    @Test
    void theCatalogShowsTheTypedCursor() {
        AirbyteStream datetime = stream(manifest("", CURSOR, "")).toAirbyteStream();
        assertThat(datetime.defaultCursorField()).containsExactly("updated_at");
        assertThat(datetime.sourceDefinedCursor()).isTrue();
        assertThat(datetime.isResumable()).isTrue();

        AirbyteStream chosen = stream(manifest("", CURSOR + "allow_catalog_defined_cursor_field: true\n", ""))
                .toAirbyteStream();
        assertThat(chosen.sourceDefinedCursor()).isFalse();

        AirbyteStream counting = stream(manifest("", "{type: IncrementingCountCursor, cursor_field: seq}", ""))
                .toAirbyteStream();
        assertThat(counting.defaultCursorField()).containsExactly("seq");
        assertThat(counting.supportedSyncModes()).hasSize(2);

        AirbyteStream none = stream(manifest(SUBSTREAM, "", "")).toAirbyteStream();
        assertThat(none.defaultCursorField()).isNull();
        assertThat(none.isResumable()).isFalse();
    }

    @Test
    void stepAndGranularityGoTogether() {
        assertThatThrownBy(() -> TestManifests.bind(manifest("", CURSOR + "step: P1D\n", "")))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("streams[0].incremental_sync")
                .hasMessageContaining("cursor_granularity");
    }

    @Test
    void unloadableRoutersAndMisshapenDatetimesAreErrors() {
        // A custom router binds; building it is what fails (here: no custom code allowed, and no class x.Y).
        TestManifests.bind(manifest("{type: CustomPartitionRouter, class_name: x.Y}", "", ""));
        assertThatThrownBy(() -> stream(manifest("{type: CustomPartitionRouter, class_name: x.Y}", "", ""))
                .plan(StreamState.empty())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("CustomPartitionRouter").hasMessageContaining("x.Y");
        assertThatThrownBy(() -> TestManifests.bind(manifest("", CURSOR.replace("start_datetime: \"2024-01-01\"",
                "start_datetime: [2024]"), ""))).isInstanceOf(ManifestException.class)
                .hasMessageContaining("start_datetime");
        assertThatThrownBy(() -> stream(manifest(SUBSTREAM, "{type: IncrementingCountCursor, cursor_field: seq}", ""))
                .plan(StreamState.empty())).isInstanceOf(ManifestException.class)
                .hasMessageContaining("IncrementingCountCursor");
        assertThat(List.of(stream(manifest("[]", "", "")).plan(StreamState.empty()).cursor().finalState().json()))
                .as("an empty router list is no router").containsExactly(StreamState.noCursor().json());
    }
}
