package dev.sluice.declarative;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ManifestPipeline;
import dev.sluice.declarative.manifest.ManifestValidator;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schemas from the API in whole manifests: discover and read against a local API. The manifest and the expected
 * catalogs are those of the reference's {@code unit_tests/sources/declarative/schema/test_dynamic_schema_loader.py}
 * ({@code test_dynamic_schema_loader_manifest_flow}, {@code test_dynamic_schema_loader_with_type_conditions}).
 */
class DynamicSchemaLoaderManifestTest {

    private static final String FIELDS = """
            {"fields": [{"name": "Id", "type": "integer"}, {"name": "FirstName", "type": "string"},
                        {"name": "Description", "type": "singleLineText"}]}""";

    private ChunkApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String manifest(String moreMappings, String streamExtras) {
        return """
                version: 6.7.0
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [party_members]}
                definitions:
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    http_method: GET
                    authenticator: {type: ApiKeyAuthenticator, header: apikey, api_token: "{{ config['api_key'] }}"}
                streams:
                  - type: DeclarativeStream
                    name: party_members
                    primary_key: []
                    retriever:
                      type: SimpleRetriever
                      requester: {$ref: "#/definitions/requester", path: /party_members}
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: []}
                        schema_normalization: Default
                      paginator: {type: NoPagination}
                %s
                    schema_loader:
                      type: DynamicSchemaLoader
                      retriever:
                        type: SimpleRetriever
                        requester: {$ref: "#/definitions/requester", path: /party_members/schema}
                        record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                        paginator: {type: NoPagination}
                      schema_filter: {type: RecordFilter, condition: "{{ 'filtered_field' not in record }}"}
                      schema_transformations:
                        - type: AddFields
                          fields:
                            - {type: AddedFieldDefinition, path: [StaticField], value: "{{ {'type': ['null', 'string']} }}"}
                        - type: KeysToSnakeCase
                      schema_type_identifier:
                        schema_pointer: [fields]
                        key_pointer: [name]
                        type_pointer: [type]
                        types_mapping:
                          - {target_type: string, current_type: singleLineText}
                          - target_type: {field_type: array, items: {field_type: array, items: integer}}
                            current_type: formula
                            condition: "{{ raw_schema['result']['type'] == 'customInteger' }}"
                %s
                """.formatted(streamExtras.indent(4).stripTrailing(), moreMappings.indent(10).stripTrailing());
    }

    private Config config() {
        return Config.of(Json.object().put("base_url", api.baseUrl()).put("api_key", "secret-key")
                .put("start_date", "2024-07-01T00:00:00.000Z"));
    }

    @Test
    void discoverGivesTheSchemaFromTheApi() {
        api = ChunkApi.start(request -> request.getTarget().equals("/party_members/schema") ? json(FIELDS)
                : json("[]"));

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest("", ""))).discover(config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.catalog().orElseThrow().streams()).singleElement()
                .satisfies(stream -> assertThat(stream.jsonSchema()).isEqualTo(parse("""
                        {"$schema": "https://json-schema.org/draft-07/schema#", "additionalProperties": true,
                         "type": "object",
                         "properties": {"id": {"type": ["null", "integer"]}, "first_name": {"type": ["null", "string"]},
                                        "description": {"type": ["null", "string"]},
                                        "static_field": {"type": ["null", "string"]}}}""")));
        assertThat(api.targets()).containsExactly("/party_members/schema");
        assertThat(api.requests().get(0).getHeaders().get("apikey")).isEqualTo("secret-key");
    }

    @Test
    void discoverMapsTypesUnderConditions() {
        api = ChunkApi.start(request -> json("""
                {"fields": [
                  {"name": "filtered_field", "type": "string"},
                  {"name": "Id", "type": "integer"},
                  {"name": "FirstName", "type": "string"},
                  {"name": "Description", "type": "singleLineText"},
                  {"name": "Salary", "type": "formula", "result": {"type": "number"}},
                  {"name": "AvgSalary", "type": "formula", "result": {"type": "customInteger"}},
                  {"name": "Currency", "type": "formula", "result": {"type": "currency"}},
                  {"name": "Currency", "type": "formula", "result": {"type": "currency"}},
                  {"name": "WorkingDays", "type": "formula"}]}"""));
        String moreMappings = """
                - {target_type: number, current_type: formula, condition: "{{ raw_schema['result']['type'] == 'number' }}"}
                - {target_type: number, current_type: formula, condition: "{{ raw_schema['result']['type'] == 'currency' }}"}
                - {target_type: array, current_type: formula}
                """;

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest(moreMappings, ""))).discover(config());

        assertThat(output.errors()).isEmpty();
        assertThat(output.catalog().orElseThrow().streams().get(0).jsonSchema().get("properties")).isEqualTo(parse("""
                {"id": {"type": ["null", "integer"]},
                 "first_name": {"type": ["null", "string"]},
                 "description": {"type": ["null", "string"]},
                 "static_field": {"type": ["null", "string"]},
                 "currency": {"type": ["null", "number"]},
                 "salary": {"type": ["null", "number"]},
                 "working_days": {"type": ["null", "array"]},
                 "avg_salary": {"type": ["null", "array"],
                                "items": {"type": ["null", "array"], "items": {"type": ["null", "integer"]}}}}"""));
    }

    @Test
    void aReadNormalizesRecordsToTheSchemaFromTheApiRequestedOnce() {
        api = ChunkApi.start(request -> {
            String target = request.getTarget();
            if (target.equals("/party_members/schema")) {
                return json(FIELDS);
            }
            return json("[{\"id\": \"" + (target.endsWith("=a") ? 1 : 2) + "\", \"first_name\": \"member\"}]");
        });
        String router = """
                retriever:
                  type: SimpleRetriever
                  requester: {$ref: "#/definitions/requester", path: /party_members}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: []}
                    schema_normalization: Default
                  partition_router:
                    type: ListPartitionRouter
                    cursor_field: team
                    values: [a, b]
                    request_option: {type: RequestOption, inject_into: request_parameter, field_name: team}
                """;
        String manifest = manifest("", "").replaceFirst("(?s)    retriever:\n      type: SimpleRetriever\n.*?"
                + "paginator: \\{type: NoPagination}\n", router.indent(4).replace("$", "\\$"));

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest)).read(config(), catalog(),
                StateInput.empty());

        assertThat(output.errors()).isEmpty();
        // the schema says id is an integer: the API's "1" and "2" are cast, as the reference's TypeTransformer does
        assertThat(output.records("party_members")).extracting(record -> record.get("id").toString())
                .containsExactlyInAnyOrder("1", "2");
        assertThat(api.targets()).filteredOn("/party_members/schema"::equals).hasSize(1);
        assertThat(api.targets()).contains("/party_members?team=a", "/party_members?team=b");
    }

    @Test
    void aFailedSchemaRequestInDiscoverIsAnErrorNamingTheRequest() {
        api = ChunkApi.start(request -> ChunkApi.status(403, "{\"error\": \"forbidden\"}"));

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest("", ""))).discover(config());

        assertThat(output.catalog()).isEmpty();
        assertThat(output.errors()).singleElement().satisfies((AirbyteTrace.TraceError error) -> {
            assertThat(error.message()).startsWith("Could not read the schema of stream 'party_members' from the API: ");
            assertThat(error.internalMessage()).contains("/party_members/schema")
                    .contains("/streams/0/schema_loader").doesNotContain("secret-key");
            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        });
    }

    @Test
    void aReadRequestsTheSchemaBeforeItsFirstSliceEvenWithoutNormalization() {
        // declarative_partition_generator.py: every partition's read calls schema_loader.get_json_schema() (cached)
        api = ChunkApi.start(request -> request.getTarget().equals("/party_members/schema") ? json(FIELDS)
                : json("[{\"id\": \"7\"}]"));
        String manifest = manifest("", "").replace("schema_normalization: Default", "schema_normalization: None");

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest)).read(config(), catalog(),
                StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(output.records("party_members")).extracting(record -> record.get("id").toString())
                .containsExactly("\"7\"");
        assertThat(api.targets()).containsExactly("/party_members/schema", "/party_members");
    }

    @Test
    void aFailedSchemaRequestInAReadFailsTheStreamBeforeItsRecordsAreRequested() {
        api = ChunkApi.start(request -> request.getTarget().equals("/party_members/schema")
                ? ChunkApi.status(404, "{}") : json("[{\"id\": 1}]"));
        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest("", ""))).read(config(), catalog(),
                StateInput.empty());

        assertThat(output.records()).isEmpty();
        assertThat(output.errors().get(0).message())
                .startsWith("Could not read the schema of stream 'party_members' from the API: ");
        assertThat(output.errors()).allSatisfy(error -> assertThat(error.message()).contains("/party_members/schema"));
        assertThat(api.targets()).containsExactly("/party_members/schema");
    }

    @Test
    void complexItemsOnANonArrayAreRefusedWithPathAndLine() {
        String manifest = manifest("- {target_type: {field_type: string, items: integer}, current_type: x}", "");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("schema_type_identifier.types_mapping[2].target_type")
                .hasMessageContaining("line " + lineOf(manifest, "field_type: string"))
                .hasMessageContaining("'items' can only be used when 'field_type' is an array.");
    }

    @Test
    void aTargetTypeOfTheWrongKindIsRefusedWithPathAndLine() {
        // a number is a type name, as pydantic coerces it to a string (the schema then has no such type)
        String manifest = manifest("- {target_type: 5, current_type: {name: x}}", "");

        int line = lineOf(manifest, "target_type: 5");

        assertThat(new ManifestValidator().validate(ManifestPipeline.fromYaml(manifest), DeclarativeSourceSpec.class)
                .errors()).extracting(ManifestException::getMessage).containsExactly(
                "streams[0].schema_loader.schema_type_identifier.types_mapping[2].current_type: expected a string or a "
                        + "list, found a mapping (line " + line + ")");
    }

    @Test
    void aMissingKeyPointerIsRefused() {
        String manifest = manifest("", "").replace("        key_pointer: [name]\n", "");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("schema_type_identifier")
                .hasMessageContaining("missing required field 'key_pointer'");
    }

    @Test
    void aGlobInAPointerIsRefused() {
        String manifest = manifest("", "").replace("key_pointer: [name]", "key_pointer: [\"*\", name]");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("schema_type_identifier")
                .hasMessageContaining("line " + lineOf(manifest, "schema_type_identifier:"))
                .hasMessageContaining("dpath globs ('*') are not supported");
    }

    @Test
    void anUnknownFieldOfATypesMapIsRefusedInStrictMode() {
        String manifest = manifest("- {target_type: number, current_type: x, when: y}", "");

        assertThatThrownBy(() -> TestManifests.bind(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("schema_type_identifier.types_mapping[2].when")
                .hasMessageContaining("line " + lineOf(manifest, "when: y"));
    }

    /** A catalog of our own: the harness's readAll would discover first, in a run of its own. */
    private static ConfiguredAirbyteCatalog catalog() {
        return new ConfiguredAirbyteCatalog(List.of(new ConfiguredAirbyteStream(
                new AirbyteStream("party_members", Json.object(), List.of(SyncMode.FULL_REFRESH), null, null, null,
                        null, null, null), SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null)));
    }

    /** The 1-based line of the first line of {@code manifest} that holds {@code text}. */
    private static int lineOf(String manifest, String text) {
        List<String> lines = manifest.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text + " is not in the manifest");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
