package dev.sluice.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The config and parametrized resolvers, and {@code ConditionalStreams}, on the reference's own cases: expected
 * values from unit_tests/sources/declarative/resolvers/test_config_components_resolver.py and
 * test_parametrized_components_resolver.py of airbytehq/airbyte-python-cdk, where a test is cited.
 */
class ReferenceDynamicStreamsTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void close() {
        run.close();
    }

    /** test_config_components_resolver.py's _MANIFEST (without its authenticator), with {@code EXTRA} mappings. */
    private static final String CONFIG_MANIFEST = """
            version: 6.7.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [Rates]}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                stream_template:
                  type: DeclarativeStream
                  primary_key: []
                  schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {ABC: {type: number}}}}
                  retriever:
                    type: SimpleRetriever
                    requester:
                      type: HttpRequester
                      $parameters: {item_id: ""}
                      url_base: https://api.test.com
                      path: "/items/{{parameters['item_id']}}"
                      http_method: GET
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    paginator: {type: NoPagination}
                components_resolver:
                  type: ConfigComponentsResolver
                  stream_config: STREAM_CONFIG
                  components_mapping:
                    - type: ComponentMappingDefinition
                      field_path: [name]
                      create_or_update: true
                      value: "{{components_values['name']}}"
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, $parameters, item_id]
                      value: "{{components_values['id']}}"
            EXTRA""";

    private static final String STREAM_CONFIG =
            "{type: StreamConfig, configs_pointer: [custom_streams], default_values: [{id: 4, name: default_item}]}";

    private static final String CONFIG = """
            {"start_date": "2024-07-01T00:00:00.000Z",
             "custom_streams": [{"id": 1, "name": "item_1"}, {"id": 2, "name": "item_2"}]}""";

    private static String configManifest(String streamConfig, String... extraMappings) {
        StringBuilder extra = new StringBuilder();
        for (String mapping : extraMappings) {
            extra.append("        - ").append(mapping).append('\n');
        }
        return CONFIG_MANIFEST.replace("STREAM_CONFIG", streamConfig).replace("EXTRA", extra.toString());
    }

    private static String mapping(String path, String value, String more) {
        return "{type: ComponentMappingDefinition, field_path: [retriever, requester, $parameters, " + path
                + "], value: " + value + ", create_or_update: true" + more + "}";
    }

    private List<GeneratedStream> generated(String manifest, String config) {
        return ManifestSources.fromYaml(manifest).dynamicStreams(Config.of(TestManifests.object(config)), run);
    }

    private static Map<String, JsonNode> requesterParameters(List<GeneratedStream> streams) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        streams.forEach(stream -> parameters.put(stream.streamName(),
                stream.definition().at("/retriever/requester/$parameters")));
        return parameters;
    }

    @Test
    void oneStreamPerConfigItemThenPerDefaultValue() {
        // test_dynamic_streams_read_with_config_components_resolver[no_duplicates]
        List<Stream> streams = ManifestSources.fromYaml(configManifest(STREAM_CONFIG))
                .streams(Config.of(TestManifests.object(CONFIG)), run);

        assertThat(streams).extracting(Stream::name).containsExactly("item_1", "item_2", "default_item");
    }

    @Test
    void aListOfStreamConfigsActsAsItsOnlyElement() {
        // test_dynamic_streams_read_with_config_components_resolver[stream_configs_list]
        assertThat(generated(configManifest("[" + STREAM_CONFIG + "]"), CONFIG))
                .extracting(GeneratedStream::streamName).containsExactly("item_1", "item_2", "default_item");
    }

    @Test
    void twoItemsWithOneNameAreAConfigError() {
        // test_dynamic_streams_read_with_config_components_resolver[duplicates]
        String config = CONFIG.replace("{\"id\": 2, \"name\": \"item_2\"}]",
                "{\"id\": 2, \"name\": \"item_2\"}, {\"id\": 3, \"name\": \"item_2\"}]");

        assertThatThrownBy(() -> generated(configManifest(STREAM_CONFIG), config))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("item_2")
                .satisfies(e -> assertThat(((ConnectorException) e).failureType()).isEqualTo(FailureType.CONFIG_ERROR));
    }

    @Test
    void valuesThatAreNoYamlStayText() {
        // test_dynamic_streams_read_with_config_components_resolver[scanner_error] and [tab_scanner_error]
        List<GeneratedStream> streams = generated(configManifest(STREAM_CONFIG,
                mapping("cursor_format", "\"{{ '%Y-%m-%d' if components_values['name'] == 'default_item' else "
                        + "'%Y-%m-%dT%H:%M:%S' }}\"", ""),
                mapping("custom_query", "\"SELECT\\n\\tcampaign.name,\\n\\tcampaign.id\\nFROM campaign\"", "")), CONFIG);

        Map<String, JsonNode> parameters = requesterParameters(streams);
        assertThat(parameters.get("item_1").path("cursor_format").asText()).isEqualTo("%Y-%m-%dT%H:%M:%S");
        assertThat(parameters.get("default_item").path("cursor_format").asText()).isEqualTo("%Y-%m-%d");
        assertThat(parameters.get("item_2").path("custom_query").asText()).contains("\tcampaign.id");
    }

    @Test
    void conditionsChooseTheMappingsPerValue() {
        // test_component_mapping_conditions[mixed_conditions]
        List<GeneratedStream> streams = generated(configManifest(STREAM_CONFIG,
                mapping("always_true", "always_applied", ", condition: \"{{ True }}\""),
                mapping("always_false", "never_applied", ", condition: \"{{ False }}\""),
                mapping("item_specific", "applied_to_item_2", ", condition: \"{{ components_values['id'] == 2 }}\"")),
                CONFIG);

        Map<String, JsonNode> parameters = requesterParameters(streams);
        assertThat(parameters.get("item_1")).isEqualTo(TestManifests.json(
                "{\"item_id\": 1, \"always_true\": \"always_applied\"}"));
        assertThat(parameters.get("item_2")).isEqualTo(TestManifests.json(
                "{\"item_id\": 2, \"always_true\": \"always_applied\", \"item_specific\": \"applied_to_item_2\"}"));
        assertThat(parameters.get("default_item")).isEqualTo(TestManifests.json(
                "{\"item_id\": 4, \"always_true\": \"always_applied\"}"));
    }

    @Test
    void valueTypeStringAvoidsReadingTheValueAsYaml() {
        // test_value_type_str_avoids_yaml_parsing (a YAML date stays its text in Sluice's trees)
        List<GeneratedStream> streams = generated(configManifest(STREAM_CONFIG,
                mapping("as_string", "\"true\"", ", value_type: string"),
                mapping("as_yaml", "\"true\"", ""),
                mapping("json_string", "\"[1, 2]\"", ", value_type: string"),
                mapping("json_parsed", "\"[1, 2]\"", ""),
                mapping("date_as_string", "\"2024-07-10\"", ", value_type: string")), CONFIG);

        JsonNode parameters = requesterParameters(streams).get("item_1");
        assertThat(parameters.path("as_string").isTextual()).isTrue();
        assertThat(parameters.path("as_string").asText()).isEqualTo("true");
        assertThat(parameters.path("as_yaml").isBoolean()).isTrue();
        assertThat(parameters.path("json_string")).isEqualTo(Json.nodes().textNode("[1, 2]"));
        assertThat(parameters.path("json_parsed")).isEqualTo(TestManifests.json("[1, 2]"));
        assertThat(parameters.path("date_as_string").asText()).isEqualTo("2024-07-10");
    }

    @Test
    void severalStreamConfigsCombineAsAProduct() {
        String manifest = configManifest("[" + STREAM_CONFIG + ", {type: StreamConfig, configs_pointer: [regions]}]")
                .replace("value: \"{{components_values['name']}}\"",
                        "value: \"{{components_values['name']}}_{{components_values['source_config_1'][1]}}\"");
        String config = CONFIG.replace("\"start_date\"", "\"regions\": [\"eu\", \"us\"], \"start_date\"");

        // config_components_resolver.py _merge_combination: a non-mapping value is kept as [index, value]
        assertThat(generated(manifest, config)).extracting(GeneratedStream::streamName).containsExactly(
                "item_1_eu", "item_1_us", "item_2_eu", "item_2_us", "default_item_eu", "default_item_us");
    }

    /** test_parametrized_components_resolver.py's manifest shape: one stream per listed parameter mapping. */
    private static final String PARAMETRIZED = """
            version: 6.7.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [contacts]}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                stream_template:
                  type: DeclarativeStream
                  name: template
                  primary_key: []
                  schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: https://api.test.com, path: /placeholder}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                components_resolver:
                  type: ParametrizedComponentsResolver
                  stream_parameters:
                    type: StreamParametersDefinition
                    list_of_parameters_for_stream:
                      - {name: contacts, path: /crm/contacts, primary_key: "[id]"}
                      - {name: deals, path: /crm/deals, primary_key: "[deal_id, stage]"}
                  components_mapping:
                    - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['name'] }}"}
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, path]
                      value: "{{ components_values['path'] }}"
                    - type: ComponentMappingDefinition
                      field_path: [primary_key]
                      value: "{{ components_values['primary_key'] }}"
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, request_parameters, limit]
                      value: "100"
                      create_or_update: true
            """;

    @Test
    void parametrizedStreamsComeFromTheListedParameters() {
        List<GeneratedStream> streams = generated(PARAMETRIZED, "{}");

        assertThat(streams).extracting(GeneratedStream::streamName).containsExactly("contacts", "deals");
        ObjectNode deals = streams.get(1).definition();
        assertThat(deals.at("/retriever/requester/path").asText()).isEqualTo("/crm/deals");
        // parametrized_components_resolver.py reads the rendered value as YAML: a flow list becomes a list
        assertThat(deals.path("primary_key")).isEqualTo(TestManifests.json("[\"deal_id\", \"stage\"]"));
        assertThat(deals.at("/retriever/requester/request_parameters/limit").intValue()).isEqualTo(100);
        assertThat(ManifestSources.fromYaml(PARAMETRIZED).streams(Config.of(Json.object()), run).get(1)
                .toAirbyteStream().sourceDefinedPrimaryKey()).containsExactly(List.of("deal_id"), List.of("stage"));
    }

    @Test
    void aConditionInAParametrizedMappingIsRefused() {
        // model_to_component_factory.py create_parametrized_components_resolver refuses it
        String manifest = PARAMETRIZED.replace("value: \"100\"", "value: \"100\"\n          condition: \"{{ True }}\"");

        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest))
                .isInstanceOf(dev.sluice.declarative.manifest.ManifestException.class)
                .hasMessageContaining("condition")
                .hasMessageContaining("ConfigComponentsResolver");
    }

    private static final String CONDITIONAL = """
            version: 6.7.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [always]}
            definitions:
              stream:
                type: DeclarativeStream
                primary_key: []
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: https://api.test.com, path: "/{{ parameters.name }}"}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
            streams:
              - {$ref: "#/definitions/stream", name: always, $parameters: {name: always}}
              - type: ConditionalStreams
                condition: "{{ config['is_sandbox'] }}"
                streams:
                  - {$ref: "#/definitions/stream", name: sandbox_users, $parameters: {name: sandbox_users}}
                  - {$ref: "#/definitions/stream", name: sandbox_deals, $parameters: {name: sandbox_deals}}
              - {$ref: "#/definitions/stream", name: last, $parameters: {name: last}}
            """;

    @Test
    void conditionalStreamsExistOnlyWhileTheirConditionHolds() {
        // concurrent_declarative_source.py _stream_configs: the chosen streams take the item's place
        DeclarativeSource source = ManifestSources.fromYaml(CONDITIONAL);

        assertThat(source.streams(Config.of(Json.object().put("is_sandbox", true)), run)).extracting(Stream::name)
                .containsExactly("always", "sandbox_users", "sandbox_deals", "last");
        assertThat(source.streams(Config.of(Json.object().put("is_sandbox", false)), run)).extracting(Stream::name)
                .containsExactly("always", "last");
        assertThat(source.streams(Config.of(Json.object()), run)).extracting(Stream::name)
                .containsExactly("always", "last");
    }

    @Test
    void conditionalStreamsOfTheWrongShapeAreRefusedWithPathAndLine() {
        String manifest = CONDITIONAL.replace("    condition: \"{{ config['is_sandbox'] }}\"\n", "");

        assertThatThrownBy(() -> ManifestSources.fromYaml(manifest))
                .isInstanceOf(dev.sluice.declarative.manifest.ManifestException.class)
                .hasMessageContaining("streams[1]")
                .hasMessageContaining("missing required field 'condition'")
                .satisfies(e -> assertThat(((dev.sluice.declarative.manifest.ManifestException) e).line()).isEqualTo(15));
    }
}
