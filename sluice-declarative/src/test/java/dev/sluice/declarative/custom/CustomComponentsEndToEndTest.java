package dev.sluice.declarative.custom;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.http.HttpTransport;
import dev.sluice.loader.CustomCode;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.ConfigException;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.ReceivedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One manifest per custom component slot, read end to end against a local HTTP server: the manifest is a file
 * loaded through {@link dev.sluice.loader.SourceLoader} with the test class path, and each example class of
 * {@code examples} leaves a mark in the output that only it could make.
 */
class CustomComponentsEndToEndTest {

    private static final String EXAMPLES = "dev.sluice.declarative.custom.examples.";
    private static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 16L * 1024 * 1024));

    @RegisterExtension
    final MockApi api = new MockApi();
    @TempDir
    Path dir;

    /** A manifest with one stream {@code items}: {@code retriever} and the other stream keys are {@code body}. */
    static String stream(String body) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [items]}
                streams:
                  - type: DeclarativeStream
                    name: items
                    primary_key: id
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                """ + body.indent(4);
    }

    /** A SimpleRetriever of {@code /items}, records under {@code data}, with {@code more} added to it. */
    static String retriever(String more) {
        return """
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /items}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                """ + more.indent(2);
    }

    private ConnectorHarness harness(String manifest) {
        Path file = dir.resolve("manifest.yaml");
        try {
            Files.writeString(file, manifest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ConnectorHarness.of(SourceLocation.manifestFile(file), getClass().getClassLoader());
    }

    private Output read(String manifest, String extraConfig) {
        return harness(manifest).readAll(api.config("{" + extraConfig + "}"), false, StateInput.empty());
    }

    private Output read(String manifest) {
        return read(manifest, "");
    }

    private static List<ObjectNode> records(Output output) {
        assertThat(output.errors()).as("errors of the read").isEmpty();
        return output.records("items");
    }

    @Test
    void customAuthenticatorSignsEveryRequest() throws Exception {
        api.on("GET", "/items", request -> "terces".equals(ReceivedRequest.of(request).header("X-Signature"))
                ? json("{\"data\": [{\"id\": 1}]}") : json(401, "{}"));

        Output output = read(stream(retriever("").replace("path: /items}", """
                path: /items, authenticator: {type: CustomAuthenticator, class_name: %sSigningAuthenticator, \
                key: "{{ config.key }}"}}""".formatted(EXAMPLES)).replace("\\\n", "")), "\"key\": \"secret\"");

        assertThat(records(output)).extracting(record -> record.path("id").asInt()).containsExactly(1);
        assertThat(api.request(0).header("X-Signature")).isEqualTo("terces");
    }

    @Test
    void customBackoffStrategyDecidesTheWait() throws Exception {
        RecordingSleeper sleeper = new RecordingSleeper();
        api.on("GET", "/items", new MockResponse.Builder().code(429).setHeader("X-Wait-Millis", "250").build(),
                json("{\"data\": [{\"id\": 1}]}"));
        String manifest = stream(retriever("").replace("path: /items}", "path: /items, error_handler: "
                + "{type: DefaultErrorHandler, backoff_strategies: [{type: CustomBackoffStrategy, class_name: "
                + EXAMPLES + "HeaderBackoff}]}}"));
        CustomCode code = CustomCode.allowed(getClass().getClassLoader());
        DeclarativeSource source = ManifestSources.fromYaml(manifest, code).withContexts((config, run) ->
                new BuildContext(config, TestRuns.using(run, TRANSPORT), Components.CLOCK, sleeper, null,
                        ConfigUpdates.NONE).withCustomCode(code));

        Output output = ConnectorHarness.of(source).readAll(api.config(), false, StateInput.empty());

        assertThat(records(output)).hasSize(1);
        // 250 ms from the class's header rule, plus the second every manifest strategy gets (as the reference)
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1250));
    }

    @Test
    void customErrorHandlerRetriesWhatItCallsPending() throws Exception {
        api.on("GET", "/items", json("{\"status\": \"pending\", \"data\": [{\"id\": 0}]}"),
                json("{\"status\": \"done\", \"data\": [{\"id\": 1}]}"));
        RecordingSleeper sleeper = new RecordingSleeper();
        String manifest = stream(retriever("").replace("path: /items}", "path: /items, error_handler: "
                + "{type: CustomErrorHandler, class_name: " + EXAMPLES + "PendingIsRetried, max_retries: 1, "
                + "backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 3}]}}"));
        CustomCode code = CustomCode.allowed(getClass().getClassLoader());
        DeclarativeSource source = ManifestSources.fromYaml(manifest, code).withContexts((config, run) ->
                new BuildContext(config, TestRuns.using(run, TRANSPORT), Components.CLOCK, sleeper, null,
                        ConfigUpdates.NONE).withCustomCode(code));

        Output output = ConnectorHarness.of(source).readAll(api.config(), false, StateInput.empty());

        assertThat(records(output)).extracting(record -> record.path("id").asInt()).containsExactly(1);
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(sleeper.waits()).as("the manifest's backoff strategy, plus a second").containsExactly(
                Duration.ofSeconds(4));
    }

    @Test
    void customPaginationStrategyComputesTheNextToken() throws Exception {
        api.on("GET", "/items", request -> {
            String after = ReceivedRequest.of(request).queryParameter("after");
            return json(after == null ? "{\"data\": [{\"id\": 1}, {\"id\": 2}]}"
                    : after.equals("12") ? "{\"data\": [{\"id\": 15}]}" : "{\"data\": []}");
        });

        Output output = read(stream(retriever("""
                paginator:
                  type: DefaultPaginator
                  page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: after}
                  pagination_strategy: {type: CustomPaginationStrategy, class_name: %sLastIdPlusStep, step: 10}
                """.formatted(EXAMPLES))));

        assertThat(records(output)).extracting(record -> record.path("id").asInt()).containsExactly(1, 2, 15);
        assertThat(api.request(1).queryParameter("after")).isEqualTo("12");
    }

    @Test
    void customRecordExtractorFindsTheRecordsInTheBody() throws Exception {
        api.on("GET", "/items", json("{\"elements\": {\"a\": {\"id\": 1}, \"b\": {\"id\": 2}}}"));

        Output output = read(stream(retriever("").replace("extractor: {type: DpathExtractor, field_path: [data]}",
                "extractor: {type: CustomRecordExtractor, class_name: " + EXAMPLES + "KeyedElementsExtractor, "
                        + "key: elements}")));

        assertThat(records(output)).extracting(record -> record.path("key").asText()).containsExactly("a", "b");
    }

    @Test
    void customRecordFilterKeepsWhatItAccepts() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}, {\"id\": 3}, {\"id\": 6}, {\"id\": 9}]}"));

        Output output = read(stream(retriever("""
                  record_filter: {type: CustomRecordFilter, class_name: %sMultiplesOnly, $parameters: {modulus: 3}}
                """.formatted(EXAMPLES).indent(-2).indent(2))));

        assertThat(records(output)).extracting(record -> record.path("id").asInt()).containsExactly(3, 6, 9);
    }

    @Test
    void customRequesterSendsItsOwnQueryEncoding() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}]}"));

        Output output = read(stream("""
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: CustomRequester
                    class_name: %sRestliRequester
                    url_base: "{{ config.base_url }}"
                    path: /items
                    request_parameters: {q: search, search: "(status:(values:List(ACTIVE,PAUSED)))"}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                """.formatted(EXAMPLES)));

        assertThat(records(output)).hasSize(1);
        ReceivedRequest request = api.request(0);
        assertThat(request.target()).endsWith("/items?q=search&search=(status:(values:List(ACTIVE,PAUSED)))");
        assertThat(request.header("X-Prepared-For")).isEqualTo("none");
    }

    @Test
    void customRetrieverReadsInItsOwnWay() throws Exception {
        api.on("GET", "/export.txt", new MockResponse.Builder().body("1=ada\n2=grace\n").build());

        Output output = read(stream("""
                retriever:
                  type: CustomRetriever
                  class_name: %sLinesRetriever
                  url: "{{ config.base_url }}/export.txt"
                """.formatted(EXAMPLES)));

        assertThat(records(output)).extracting(record -> record.path("name").asText()).containsExactly("ada", "grace");
    }

    @Test
    void customPartitionRouterSplitsTheStream() throws Exception {
        api.on("GET", "/items", request -> json("{\"data\": [{\"id\": \""
                + ReceivedRequest.of(request).queryParameter("zone") + "\"}]}"));

        Output output = read(stream(retriever("""
                partition_router: {type: CustomPartitionRouter, class_name: %sRegionsRouter, regions: [eu, us]}
                """.formatted(EXAMPLES))));

        // Partitions are read concurrently: their records may come in either order.
        assertThat(records(output)).extracting(record -> record.path("id").asText())
                .containsExactlyInAnyOrder("eu", "us");
    }

    @Test
    void customSchemaLoaderGivesTheCatalogsSchema() throws Exception {
        String manifest = stream(retriever("")).replace(
                "schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}",
                "schema_loader: {type: CustomSchemaLoader, class_name: " + EXAMPLES + "FieldsSchemaLoader, "
                        + "fields: [colour, size]}");

        Output output = harness(manifest).discover(api.config());

        AirbyteStream items = output.catalog().orElseThrow().streams().get(0);
        assertThat(items.jsonSchema().path("properties").fieldNames()).toIterable()
                .containsExactly("id", "colour", "size");
    }

    @Test
    void customSchemaNormalizationRewritesTheRecords() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1, \"name\": 7}]}"));
        String manifest = stream(retriever("  schema_normalization: {type: CustomSchemaNormalization, class_name: "
                + EXAMPLES + "StringsAsDeclared}\n")).replace("schema: {type: object, properties: {}}",
                "schema: {type: object, properties: {id: {type: integer}, name: {type: string}}}");

        Output output = read(manifest);

        assertThat(records(output).get(0)).isEqualTo(Json.parse("{\"id\": 1, \"name\": \"7!\"}"));
    }

    @Test
    void customStateMigrationRewritesTheIncomingState() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1, \"updated\": \"2023-07-01\"}]}"));
        String manifest = stream(retriever("") + """
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated
                  datetime_format: "%Y-%m-%d"
                  start_datetime: "2023-01-01"
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
                state_migrations:
                  - {type: CustomStateMigration, class_name: EXAMPLESRenameCursorMigration, from: last_seen, to: updated}
                """.replace("EXAMPLES", EXAMPLES));
        StateInput state = StateInput.parse(Json.parse("[{\"type\": \"STREAM\", \"stream\": {\"stream_descriptor\": "
                + "{\"name\": \"items\"}, \"stream_state\": {\"last_seen\": \"2023-06-01\"}}}]"));

        Output output = harness(manifest).readAll(api.config(), true, state);

        assertThat(records(output)).hasSize(1);
        assertThat(api.request(0).queryParameter("since")).isEqualTo("2023-06-01");
    }

    @Test
    void customTransformationChangesEachRecord() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1, \"name\": \"ada\"}]}"));

        Output output = read(stream(retriever("") + """
                transformations:
                  - {type: CustomTransformation, class_name: %sShoutTransformation, field: name, suffix: "{{ config.mark }}"}
                """.formatted(EXAMPLES)), "\"mark\": \"!!\"");

        assertThat(records(output).get(0).path("shout").asText()).isEqualTo("ADA!!");
    }

    @Test
    void customDecoderReadsTheBody() throws Exception {
        api.on("GET", "/items", new MockResponse.Builder().body("1|ada\n2|grace\n").build());

        Output output = read(stream(retriever("").replace("record_selector:", "decoder: {type: CustomDecoder, "
                + "class_name: " + EXAMPLES + "PipeDecoder, columns: [id, name]}\n  record_selector:")
                .replace("field_path: [data]", "field_path: []")));

        assertThat(records(output)).extracting(record -> record.path("name").asText()).containsExactly("ada", "grace");
    }

    @Test
    void customConfigTransformationShapesTheConfigBeforeTheRead() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}]}"));
        String manifest = stream(retriever("")) + """
                spec:
                  type: Spec
                  connection_specification: {type: object, properties: {}}
                  config_normalization_rules:
                    type: ConfigNormalizationRules
                    transformations:
                      - {type: CustomConfigTransformation, class_name: %sJoinHostAndPort}
                """.formatted(EXAMPLES);
        java.net.URI url = java.net.URI.create(api.url());

        Output output = harness(manifest).readAll(dev.sluice.source.Config.of(Json.parse("{\"host\": \""
                + url.getHost() + "\", \"port\": " + url.getPort() + "}")), false, StateInput.empty());

        assertThat(records(output)).hasSize(1);
    }

    @Test
    void customValidationStrategyJudgesTheConfig() throws Exception {
        api.on("GET", "/items", json("{\"data\": [{\"id\": 1}]}"));
        String manifest = stream(retriever("")) + """
                spec:
                  type: Spec
                  connection_specification: {type: object, properties: {}}
                  config_normalization_rules:
                    type: ConfigNormalizationRules
                    validations:
                      - type: DpathValidator
                        field_path: [batch]
                        validation_strategy: {type: CustomValidationStrategy, class_name: %sEvenNumber, divisor: 4}
                """.formatted(EXAMPLES);

        assertThat(records(read(manifest, "\"batch\": 8"))).hasSize(1);
        assertThatThrownBy(() -> read(manifest, "\"batch\": 6")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DpathValidator [batch]").hasMessageContaining("6 is not a multiple of 4");
    }
}
