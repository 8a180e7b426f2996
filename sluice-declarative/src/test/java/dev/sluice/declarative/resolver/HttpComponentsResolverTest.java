package dev.sluice.declarative.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.GeneratedStream;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streams generated from an endpoint's records ({@code HttpComponentsResolver}) over a local API: two workspaces
 * (a list partition router), each listing its tables; each table becomes a stream reading its own rows.
 */
class HttpComponentsResolverTest {

    static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check:
              type: CheckStream
              stream_names: [workspaces]
              dynamic_streams_check_configs:
                - {type: DynamicStreamCheckConfig, dynamic_stream_name: tables, stream_count: 1}
            definitions:
              selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
              schema: {type: InlineSchemaLoader, schema: {type: object, properties: {id: {type: string}}}}
            streams:
              - type: DeclarativeStream
                name: workspaces
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /workspaces}
                  record_selector: {$ref: "#/definitions/selector"}
                schema_loader: {$ref: "#/definitions/schema"}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                name: tables
                stream_template:
                  type: DeclarativeStream
                  name: table
                  primary_key: id
                  $parameters: {table_id: placeholder}
                  retriever:
                    type: SimpleRetriever
                    requester:
                      type: HttpRequester
                      url_base: "{{ config['base_url'] }}"
                      path: "/tables/{{ parameters['table_id'] }}/rows"
                      request_parameters: {workspace: placeholder}
                    record_selector: {$ref: "#/definitions/selector"}
                  schema_loader: {$ref: "#/definitions/schema"}
                components_resolver:
                  type: HttpComponentsResolver
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /tables}
                    record_selector: {$ref: "#/definitions/selector"}
                    partition_router:
                      type: ListPartitionRouter
                      values: [w1, w2]
                      cursor_field: workspace
                      request_option: {type: RequestOption, inject_into: request_parameter, field_name: workspace}
                  components_mapping:
                    - type: ComponentMappingDefinition
                      field_path: [name]
                      value: "{{ components_values['name'] }}"
                    - type: ComponentMappingDefinition
                      field_path: [$parameters, table_id]
                      value: "{{ components_values['id'] }}"
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, request_parameters, workspace]
                      value: "{{ stream_slice['workspace'] }}"
            """;

    @RegisterExtension
    final MockApi api = new MockApi();
    private final RunContext run = RunContext.named("test");

    @BeforeEach
    void answer() {
        api.on("GET", "/workspaces").json("{\"data\": [{\"id\": \"w1\"}, {\"id\": \"w2\"}]}");
        api.on("GET", "/tables", request -> MockApi.json("w1".equals(request.getUrl().queryParameter("workspace"))
                ? "{\"data\": [{\"id\": \"t1\", \"name\": \"Orders\"}]}"
                : "{\"data\": [{\"id\": \"t2\", \"name\": \"Customer Notes\"}]}"));
        api.otherwise(request -> MockApi.json("{\"data\": [{\"id\": \"" + request.getUrl().encodedPath()
                + "?" + request.getUrl().query() + "\"}]}"));
    }

    @AfterEach
    void close() {
        run.close();
    }

    private static DeclarativeSource source(String manifest) {
        return ManifestSources.fromYaml(manifest);
    }

    @Test
    void discoverListsOneStreamPerRecordOfEveryPartitionAfterTheStaticStreams() {
        Output output = ConnectorHarness.of(source(MANIFEST)).discover(api.config());

        assertThat(output.catalog().orElseThrow().streams()).extracting(AirbyteStream::name)
                .containsExactly("workspaces", "Orders", "Customer Notes");
        assertThat(output.catalog().orElseThrow().streams().get(1).sourceDefinedPrimaryKey())
                .containsExactly(List.of("id"));
        assertThat(api.targets()).contains("GET /tables?workspace=w1", "GET /tables?workspace=w2");
    }

    @Test
    void eachGeneratedStreamReadsWhatItsMappingsWroteIntoTheTemplate() {
        Output output = ConnectorHarness.of(source(MANIFEST)).readAll(api.config(), false,
                dev.sluice.runner.StateInput.empty());

        // $parameters rewritten on the stream reach the requester's path once parameters are propagated again.
        assertThat(output.records("Orders")).extracting(record -> record.path("id").asText())
                .containsExactly("/tables/t1/rows?workspace=w1");
        assertThat(output.records("Customer Notes")).extracting(record -> record.path("id").asText())
                .containsExactly("/tables/t2/rows?workspace=w2");
    }

    @Test
    void theResolvedManifestsOfTheGeneratedStreamsAreListedWithTheirDefinitionName() {
        List<GeneratedStream> generated = source(MANIFEST).dynamicStreams(api.config(), run);

        assertThat(generated).extracting(GeneratedStream::streamName).containsExactly("Orders", "Customer Notes");
        assertThat(generated.get(0).dynamicStreamName()).isEqualTo("tables");
        assertThat(generated.get(0).definition().path("dynamic_stream_name").asText()).isEqualTo("tables");
        assertThat(generated.get(0).definition().at("/retriever/requester/$parameters/table_id").asText())
                .isEqualTo("t1");
        assertThat(generated.get(1).definition().at("/retriever/requester/request_parameters/workspace").asText())
                .isEqualTo("w2");
    }

    @Test
    void checkReadsTheStaticStreamsThenTheCountedGeneratedOnes() {
        ConnectionStatus status = source(MANIFEST).check(api.config(), run);

        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        // stream_count 1: the first generated stream is read, the second is not
        assertThat(api.targets()).contains("GET /tables/t1/rows?workspace=w1")
                .doesNotContain("GET /tables/t2/rows?workspace=w2");
    }

    @Test
    void checkFailsWhenACountedGeneratedStreamIsNotAvailable() {
        api.on("GET", "/tables/t1/rows", MockApi.json(403, "{\"error\": \"no access\"}"));

        ConnectionStatus status = source(MANIFEST).check(api.config(), run);

        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).startsWith("Dynamic Stream Orders is not available");
    }

    @Test
    void checkFailsForADynamicStreamNameTheManifestDoesNotHave() {
        String manifest = MANIFEST.replace("dynamic_stream_name: tables", "dynamic_stream_name: sheets");

        ConnectionStatus status = source(manifest).check(api.config(), run);

        // test_check_stream.py: a check config naming no definition fails the check without reading
        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.FAILED);
        assertThat(status.message()).contains("sheets").contains("tables");
    }

    @Test
    void checkDynamicStreamReadsTheFirstStreamsOfTheWholeList() {
        String manifest = MANIFEST.replaceFirst("(?s)check:.*?definitions:",
                "check: {type: CheckDynamicStream, stream_count: 2}\ndefinitions:");

        ConnectionStatus status = source(manifest).check(api.config(), run);

        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        assertThat(api.targets()).contains("GET /workspaces", "GET /tables/t1/rows?workspace=w1")
                .doesNotContain("GET /tables/t2/rows?workspace=w2");
    }

    @Test
    void checkDynamicStreamWithoutAvailabilityOnlyNeedsStreams() {
        String manifest = MANIFEST.replaceFirst("(?s)check:.*?definitions:",
                "check: {type: CheckDynamicStream, stream_count: 5, use_check_availability: false}\ndefinitions:");

        ConnectionStatus status = source(manifest).check(api.config(), run);

        assertThat(status.status()).isEqualTo(ConnectionStatus.Status.SUCCEEDED);
        assertThat(api.targets()).doesNotContain("GET /workspaces");
    }

    @Test
    void aConditionOnAnEndpointsMappingIsRefusedWithItsPathAndLine() {
        String manifest = MANIFEST.replace("value: \"{{ components_values['name'] }}\"",
                "value: \"{{ components_values['name'] }}\"\n          condition: \"{{ True }}\"");

        // model_to_component_factory.py create_http_components_resolver refuses `condition` the same way
        assertThatThrownBy(() -> source(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams[0].components_resolver")
                .hasMessageContaining("condition")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isPositive());
    }

    @Test
    void aResolverWithoutRetrieverIsRefusedWithItsPathAndLine() {
        String manifest = MANIFEST.replaceFirst("(?s)  type: HttpComponentsResolver\n.*?components_mapping:",
                "  type: HttpComponentsResolver\n      components_mapping:");

        assertThatThrownBy(() -> source(manifest)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("dynamic_streams[0].components_resolver")
                .hasMessageContaining("missing required field 'retriever'")
                .satisfies(e -> assertThat(((ManifestException) e).line()).isPositive());
    }
}
