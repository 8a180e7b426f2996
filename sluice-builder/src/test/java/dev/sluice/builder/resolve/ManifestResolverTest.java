package dev.sluice.builder.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.builder.ManifestInput;
import dev.sluice.builder.testread.TestReadLimits;
import dev.sluice.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code resolve_manifest} and {@code full_resolve_manifest} on the manifest of the reference's
 * {@code unit_tests/connector_builder/test_connector_builder_handler.py} ({@code MANIFEST}), whose expected value
 * is that test's {@code test_resolve_manifest}.
 */
class ManifestResolverTest {

    // test_connector_builder_handler.py: MANIFEST, with its references written as $ref.
    static final String MANIFEST = """
            {"version": "0.30.3",
             "definitions": {"retriever": {
               "paginator": {"type": "DefaultPaginator", "page_size": 2,
                 "page_size_option": {"inject_into": "request_parameter", "field_name": "page_size"},
                 "page_token_option": {"inject_into": "path", "type": "RequestPath"},
                 "pagination_strategy": {"type": "CursorPagination", "cursor_value": "{{ response._metadata.next }}",
                                         "page_size": 2}},
               "partition_router": {"type": "ListPartitionRouter", "values": ["0", "1", "2", "3", "4", "5", "6", "7"],
                                    "cursor_field": "item_id"},
               "requester": {"path": "/v3/marketing/lists",
                 "authenticator": {"type": "BearerAuthenticator", "api_token": "{{ config.apikey }}"},
                 "request_parameters": {"a_param": "10"}},
               "record_selector": {"extractor": {"field_path": ["result"]}}}},
             "streams": [{"type": "DeclarativeStream",
               "$parameters": {"name": "stream_with_custom_requester", "primary_key": "id",
                               "url_base": "https://api.sendgrid.com"},
               "retriever": {"$ref": "#/definitions/retriever"}}],
             "check": {"type": "CheckStream", "stream_names": ["lists"]},
             "spec": {"connection_specification": {"$schema": "http://json-schema.org/draft-07/schema#",
                 "type": "object", "required": [], "properties": {}, "additionalProperties": true},
               "type": "Spec"}}
            """;

    private static ManifestInput input(String json) throws Exception {
        return ManifestInput.data(Json.parse(json), ManifestResolverTest.class.getClassLoader());
    }

    @Test
    void referencesParametersAndTypesAreResolvedAsTheReferenceResolvesThem() throws Exception {
        JsonNode resolved = new ManifestResolver().resolveManifest(input(MANIFEST));

        JsonNode stream = resolved.path("streams").get(0);
        JsonNode retriever = stream.path("retriever");
        // Types defaulted where the reference's ManifestComponentTransformer defaults them.
        assertThat(resolved.path("type").asText()).isEqualTo("DeclarativeSource");
        assertThat(retriever.path("type").asText()).isEqualTo("SimpleRetriever");
        assertThat(retriever.path("requester").path("type").asText()).isEqualTo("HttpRequester");
        assertThat(retriever.path("record_selector").path("type").asText()).isEqualTo("RecordSelector");
        assertThat(retriever.path("record_selector").path("extractor").path("type").asText())
                .isEqualTo("DpathExtractor");
        assertThat(retriever.path("paginator").path("page_size_option").path("type").asText())
                .isEqualTo("RequestOption");
        // $parameters propagated into every component below the stream, as fields and as $parameters.
        JsonNode authenticator = retriever.path("requester").path("authenticator");
        assertThat(authenticator.path("name").asText()).isEqualTo("stream_with_custom_requester");
        assertThat(authenticator.path("url_base").asText()).isEqualTo("https://api.sendgrid.com");
        assertThat(authenticator.path("$parameters").path("primary_key").asText()).isEqualTo("id");
        assertThat(stream.path("name").asText()).isEqualTo("stream_with_custom_requester");
        // The definitions stay as written.
        assertThat(resolved.path("definitions").path("retriever").path("requester").has("type")).isFalse();
    }

    @Test
    void fullResolveMarksDeclaredStreamsAsNotDynamic() throws Exception {
        JsonNode resolved = new ManifestResolver().fullResolveManifest(input(MANIFEST), Json.object(),
                TestReadLimits.DEFAULTS);

        assertThat(resolved.path("streams")).hasSize(1);
        assertThat(resolved.path("streams").get(0).has("dynamic_stream_name")).isTrue();
        assertThat(resolved.path("streams").get(0).get("dynamic_stream_name").isNull()).isTrue();
    }

    // A dynamic-streams definition fed by the config: one stream per item of config.custom_streams.
    private static final String DYNAMIC = """
            {"version": "6.44.0", "type": "DeclarativeSource",
             "check": {"type": "CheckStream", "stream_names": ["declared"]},
             "definitions": {"stream": {"type": "DeclarativeStream", "primary_key": [],
               "schema_loader": {"type": "InlineSchemaLoader", "schema": {"type": "object"}},
               "retriever": {"type": "SimpleRetriever",
                 "requester": {"type": "HttpRequester", "url_base": "https://api.test.com",
                               "path": "/items/{{ parameters['item_id'] }}", "$parameters": {"item_id": ""}},
                 "record_selector": {"type": "RecordSelector",
                                     "extractor": {"type": "DpathExtractor", "field_path": []}}}}},
             "streams": [{"$ref": "#/definitions/stream", "name": "declared"}],
             "dynamic_streams": [{"type": "DynamicDeclarativeStream", "name": "custom",
               "stream_template": {"$ref": "#/definitions/stream", "name": "template"},
               "components_resolver": {"type": "ConfigComponentsResolver",
                 "stream_config": {"type": "StreamConfig", "configs_pointer": ["custom_streams"]},
                 "components_mapping": [
                   {"type": "ComponentMappingDefinition", "field_path": ["name"],
                    "value": "{{ components_values['name'] }}"},
                   {"type": "ComponentMappingDefinition", "field_path": ["retriever", "requester", "$parameters",
                                                                         "item_id"],
                    "value": "{{ components_values['id'] }}"}]}}]}
            """;

    private static final String DYNAMIC_CONFIG = """
            {"custom_streams": [{"id": 1, "name": "item_1"}, {"id": 2, "name": "item_2"}, {"id": 3, "name": "item_3"}]}
            """;

    @Test
    void fullResolveListsTheGeneratedStreamsAfterTheDeclaredOnes() throws Exception {
        // connector_builder_handler.py full_resolve_manifest: declared streams get dynamic_stream_name None, then
        // every generated stream follows with its definition's name.
        JsonNode resolved = new ManifestResolver().fullResolveManifest(input(DYNAMIC), Json.parse(DYNAMIC_CONFIG),
                TestReadLimits.DEFAULTS);

        JsonNode streams = resolved.path("streams");
        assertThat(streams).hasSize(4);
        assertThat(streams.get(0).path("name").asText()).isEqualTo("declared");
        assertThat(streams.get(0).get("dynamic_stream_name").isNull()).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(streams.get(i).path("name").asText()).isEqualTo("item_" + i);
            assertThat(streams.get(i).path("dynamic_stream_name").asText()).isEqualTo("custom");
            assertThat(streams.get(i).at("/retriever/requester/$parameters/item_id").asText()).isEqualTo("" + i);
        }
    }

    @Test
    void fullResolveKeepsAtMostMaxStreamsOfEachDefinition() throws Exception {
        TestReadLimits two = new TestReadLimits(TestReadLimits.DEFAULTS.maxRecords(),
                TestReadLimits.DEFAULTS.maxPagesPerSlice(), TestReadLimits.DEFAULTS.maxSlices(), 2);

        JsonNode resolved = new ManifestResolver().fullResolveManifest(input(DYNAMIC), Json.parse(DYNAMIC_CONFIG), two);

        assertThat(resolved.path("streams")).extracting(stream -> stream.path("name").asText())
                .containsExactly("declared", "item_1", "item_2");
    }
}
