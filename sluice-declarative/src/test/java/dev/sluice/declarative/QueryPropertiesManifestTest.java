package dev.sluice.declarative;

import static dev.sluice.declarative.requester.properties.ChunkApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.requester.properties.ChunkApi;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Query properties in whole manifests: the three declaration forms, the catalog selection, §6.8. */
class QueryPropertiesManifestTest {

    private ChunkApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private static String manifest(String requester) {
        return """
                version: 6.60.0
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    $parameters: {property_field: name}
                    retriever:
                      type: SimpleRetriever
                      requester:
                %s
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                    schema_loader:
                      type: InlineSchemaLoader
                      schema: {type: object, properties: {id: {type: string}, a: {}, b: {}, c: {}, d: {}}}
                """.formatted(requester.indent(8).stripTrailing());
    }

    private Output readAll(String manifest) {
        DeclarativeSource source = ManifestSources.fromYaml(manifest);
        return ConnectorHarness.of(source).readAll(Config.of(Json.object().put("base_url", api.baseUrl())), false,
                StateInput.empty());
    }

    @Test
    void formBTemplatesReadTheChunkFromTheSliceExtraFields() {
        api = ChunkApi.start(request -> json("{\"data\": [{\"id\": \"x\", \"" + ChunkApi.parameter(request, "first")
                + "\": 1}]}"));

        Output output = readAll(manifest("""
                type: HttpRequester
                url_base: "{{ config['base_url'] }}"
                path: /items
                query_properties:
                  type: QueryProperties
                  property_list: [a, b, c, d]
                  property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 2}
                request_parameters:
                  fields: "{{ stream_partition.extra_fields['query_properties'] | join(',') }}"
                  first: "{{ query_properties[0] }}"
                """));

        assertThat(output.errors()).isEmpty();
        assertThat(api.targets()).containsExactlyInAnyOrder("/items?fields=a%2Cb&first=a", "/items?fields=c%2Cd&first=c");
        assertThat(output.records("items")).extracting(ObjectNode::toString).containsExactly("{\"id\":\"x\",\"a\":1,\"c\":1}");
    }

    @Test
    void formCTheDeprecatedFetchPropertiesFromEndpointIsOneChunkAndParametersReachTheEndpoint() {
        api = ChunkApi.start(request -> request.getUrl().encodedPath().equals("/properties")
                ? json("{\"data\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}]}")
                : json("{\"data\": [{\"id\": \"x\", \"props\": \"" + ChunkApi.parameter(request, "props") + "\"}]}"));

        Output output = readAll(manifest("""
                type: HttpRequester
                url_base: "{{ config['base_url'] }}"
                path: /items
                fetch_properties_from_endpoint:
                  type: PropertiesFromEndpoint
                  property_field_path: ["{{ parameters.property_field }}"]
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /properties}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                request_parameters:
                  props: "{{ stream_slice.extra_fields.query_properties | join(',') }}"
                """));

        assertThat(output.errors()).isEmpty();
        assertThat(api.targets()).containsExactly("/properties", "/items?props=a%2Cb%2Cc");
        assertThat(output.records("items")).extracting(ObjectNode::toString).containsExactly("{\"id\":\"x\",\"props\":\"a,b,c\"}");
    }

    @Test
    void thePropertySelectorRequestsOnlyTheColumnsSelectedInTheCatalog() {
        api = ChunkApi.start(request -> json("{\"data\": [{\"id\": \"x\"}]}"));
        String manifest = manifest("""
                type: HttpRequester
                url_base: "{{ config['base_url'] }}"
                path: /items
                request_parameters:
                  fields:
                    type: QueryProperties
                    property_list: [a, b, c, d]
                    always_include_properties: [id]
                    property_selector: {type: JsonSchemaPropertySelector}
                    property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 1}
                """);
        ObjectNode selected = Json.object().put("type", "object");
        selected.putObject("properties").putObject("id");
        ((ObjectNode) selected.get("properties")).putObject("b");
        ((ObjectNode) selected.get("properties")).putObject("d");
        ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(new ConfiguredAirbyteStream(
                new AirbyteStream("items", selected, List.of(SyncMode.FULL_REFRESH), null, null, null, null, null, null),
                SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null)));

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest))
                .read(Config.of(Json.object().put("base_url", api.baseUrl())), catalog, StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(api.targets()).containsExactlyInAnyOrder("/items?fields=id%2Cb", "/items?fields=id%2Cd");
    }

    /**
     * §6.8, the reference's connector-builder test, without its DatetimeBasedCursor: the stream partition is a
     * fixed path here. Records without an id are not merged: one per chunk request.
     */
    @Test
    void ratesAsTheConnectorBuilderTest() {
        api = ChunkApi.start(request -> "one,two".equals(ChunkApi.parameter(request, "test"))
                ? json("{\"success\":true,\"timestamp\":1641081599,\"historical\":true,\"base\":\"USD\","
                        + "\"date\":\"2022-01-01\",\"rates\":{\"fake_currency\":1.2345}}")
                : json("{\"success\":true,\"timestamp\":1641167999,\"historical\":true,\"base\":\"USD\","
                        + "\"date\":\"2022-01-02\",\"rates\":{\"fake_currency\":1.2345}}"));
        String manifest = """
                version: 6.44.0
                type: DeclarativeSource
                check: {type: CheckStream, stream_names: [Rates]}
                streams:
                  - type: DeclarativeStream
                    name: Rates
                    retriever:
                      type: SimpleRetriever
                      requester:
                        type: HttpRequester
                        url_base: "{{ config['base_url'] }}"
                        path: /exchangerates_data/2025-05-22
                        http_method: GET
                        authenticator: {type: ApiKeyAuthenticator, header: apikey, api_token: "{{ config['api_key'] }}"}
                        request_parameters:
                          base: "{{ config['base'] }}"
                          test:
                            type: QueryProperties
                            property_list: [one, two, three, four]
                            property_chunking: {type: PropertyChunking, property_limit_type: property_count, property_limit: 2}
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                """;

        Output output = ConnectorHarness.of(ManifestSources.fromYaml(manifest)).readAll(Config.of(Json.object()
                .put("base_url", api.baseUrl()).put("api_key", "k").put("base", "USD")), false, StateInput.empty());

        assertThat(output.errors()).isEmpty();
        assertThat(api.targets()).containsExactlyInAnyOrder("/exchangerates_data/2025-05-22?base=USD&test=one%2Ctwo",
                "/exchangerates_data/2025-05-22?base=USD&test=three%2Cfour");
        assertThat(output.records("Rates")).extracting(record -> record.get("date").asText())
                .containsExactly("2022-01-01", "2022-01-02");
    }
}
