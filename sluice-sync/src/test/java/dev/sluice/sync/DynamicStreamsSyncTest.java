package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.ManifestSources;
import dev.sluice.testkit.MockApi;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A manifest whose streams are generated from an endpoint's records ({@code dynamic_streams} with an
 * {@code HttpComponentsResolver}) syncs like any other: one table per generated stream, named from its name.
 */
class DynamicStreamsSyncTest extends SyncTestCase {

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckDynamicStream, stream_count: 1}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                name: sheets
                stream_template:
                  type: DeclarativeStream
                  name: sheet
                  primary_key: id
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /placeholder}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [rows]}}
                  schema_loader:
                    type: InlineSchemaLoader
                    schema: {type: object, properties: {id: {type: integer}, value: {type: string}}}
                components_resolver:
                  type: HttpComponentsResolver
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /sheets}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [sheets]}}
                  components_mapping:
                    - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['title'] }}"}
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, path]
                      value: "/sheets/{{ components_values['id'] }}"
            """;

    @RegisterExtension
    final MockApi api = new MockApi();

    @Test
    void eachGeneratedStreamLoadsIntoATableNamedAfterIt() {
        api.on("GET", "/sheets").json("{\"sheets\": [{\"id\": 1, \"title\": \"Q1 Budget\"}, "
                + "{\"id\": 2, \"title\": \"Team-Roster\"}]}");
        api.on("GET", "/sheets/1").json("{\"rows\": [{\"id\": 1, \"value\": \"rent\"}, {\"id\": 2, \"value\": \"tax\"}]}");
        api.on("GET", "/sheets/2").json("{\"rows\": [{\"id\": 7, \"value\": \"ada\"}]}");
        TestDestination db = destination("SQLite");

        SyncResult result = new Sync(ManifestSources.fromYaml(MANIFEST), db.url(), Clock.systemUTC())
                .run(api.config(), SyncOptions.defaults(), SyncListener.NONE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.streams()).extracting(StreamResult::stream, StreamResult::table)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q1 Budget", "q1_budget"),
                        org.assertj.core.groups.Tuple.tuple("Team-Roster", "team_roster"));
        assertThat(db.query("SELECT id, value FROM q1_budget ORDER BY id"))
                .isEqualTo(List.of(List.of(1L, "rent"), List.of(2L, "tax")));
        assertThat(db.longs("SELECT id FROM team_roster")).containsExactly(7L);
    }
}
