package dev.sluice.builder.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.builder.testread.TestReader;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.loader.CustomCode;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Each command of the handler, answered with one message worded as the reference's. */
class ConnectorBuilderHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final ConnectorBuilderHandler handler = new ConnectorBuilderHandler(new TestReader(),
            CustomCode.refused(getClass().getClassLoader(), "not in tests"), CLOCK);

    private static JsonNode demoManifest() throws Exception {
        try (InputStream in = ConnectorBuilderHandlerTest.class.getClassLoader()
                .getResourceAsStream("dev/sluice/examples/demo/demo-manifest.yaml")) {
            return ManifestLoader.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)).root();
        }
    }

    private static ObjectNode config(String command, JsonNode manifest) {
        ObjectNode config = Json.object();
        config.put("__command", command);
        config.set("__injected_declarative_manifest", manifest);
        return config;
    }

    private static JsonNode catalog(String stream) throws Exception {
        return Json.parse("{\"streams\": [{\"stream\": {\"name\": \"" + stream + "\", \"json_schema\": {},"
                + " \"supported_sync_modes\": [\"full_refresh\"]}, \"sync_mode\": \"full_refresh\","
                + " \"destination_sync_mode\": \"overwrite\"}]}");
    }

    @Test
    void testReadAnswersWithARecordHoldingTheStreamRead() throws Exception {
        try (DemoApi api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(12))) {
            ObjectNode config = config("test_read", demoManifest());
            config.put("base_url", api.baseUri().toString());
            config.put("page_size", 5);
            config.set("__test_read_config", Json.object().put("max_pages_per_slice", 2));

            AirbyteMessage answer = handler.handle(config, catalog("employees"), null);

            assertThat(answer).isInstanceOf(AirbyteRecord.class);
            AirbyteRecord record = (AirbyteRecord) answer;
            assertThat(record.stream()).isEqualTo("employees");
            assertThat(record.emittedAt()).isEqualTo(CLOCK.millis());
            JsonNode data = record.data();
            // models.py StreamRead: the field names and their order.
            assertThat(data.fieldNames()).toIterable().containsExactly("logs", "slices", "test_read_limit_reached",
                    "auxiliary_requests", "inferred_schema", "inferred_datetime_formats", "latest_config_update");
            JsonNode slice = data.path("slices").get(0);
            assertThat(slice.fieldNames()).toIterable().containsExactly("pages", "slice_descriptor", "state",
                    "auxiliary_requests");
            JsonNode page = slice.path("pages").get(0);
            assertThat(page.fieldNames()).toIterable().containsExactly("records", "request", "response");
            assertThat(page.path("request").fieldNames()).toIterable()
                    .containsExactly("url", "headers", "http_method", "body");
            assertThat(page.path("response").fieldNames()).toIterable().containsExactly("status", "body", "headers");
            assertThat(slice.path("pages")).hasSize(2);
            assertThat(data.path("test_read_limit_reached").asBoolean()).isTrue();
        }
    }

    @Test
    void resolveManifestAnswersWithTheResolvedManifest() throws Exception {
        AirbyteMessage answer = handler.handle(config("resolve_manifest", demoManifest()), null, null);

        AirbyteRecord record = (AirbyteRecord) answer;
        assertThat(record.stream()).isEqualTo("resolve_manifest");
        JsonNode employees = record.data().path("manifest").path("streams").get(0);
        // The $ref to the paged retriever is resolved and its $parameters propagated.
        assertThat(employees.path("retriever").path("requester").path("path").asText()).isEqualTo("employees");
        assertThat(employees.path("retriever").path("paginator").path("type").asText()).isEqualTo("DefaultPaginator");
    }

    @Test
    void fullResolveManifestAnswersWithTheStreamsMarked() throws Exception {
        AirbyteRecord record = (AirbyteRecord) handler.handle(config("full_resolve_manifest", demoManifest()), null,
                null);

        assertThat(record.stream()).isEqualTo("full_resolve_manifest");
        assertThat(record.data().path("manifest").path("streams")).hasSize(3)
                .allSatisfy(stream -> assertThat(stream.get("dynamic_stream_name").isNull()).isTrue());
    }

    @Test
    void aConfigWithoutACommandIsATraceInTheReferencesWords() throws Exception {
        ObjectNode config = Json.object().put("base_url", "http://localhost");

        AirbyteTrace trace = (AirbyteTrace) handler.handle(config, null, null);

        // main.py get_config_and_catalog_from_args, wrapped by main's "Error handling request: ".
        assertThat(trace.error().message()).isEqualTo("Error handling request: Invalid config: `__command` should "
                + "be provided at the root of the config but config only has keys ['base_url']");
    }

    @Test
    void aConfigWithoutAManifestIsATrace() throws Exception {
        AirbyteTrace trace = (AirbyteTrace) handler.handle(Json.object().put("__command", "test_read"), null, null);

        assertThat(trace.error().message()).isEqualTo("Error handling request: Invalid config: "
                + "`__injected_declarative_manifest` should be provided at the root of the config but config only "
                + "has keys ['__command']");
    }

    @Test
    void anUnknownCommandIsATrace() throws Exception {
        AirbyteTrace trace = (AirbyteTrace) handler.handle(config("discover", demoManifest()), null, null);

        assertThat(trace.error().message()).isEqualTo("Error handling request: Unrecognized command discover.");
    }

    @Test
    void anInvalidManifestIsATraceOfTheRead() throws Exception {
        ObjectNode manifest = (ObjectNode) demoManifest();
        manifest.remove("streams");

        AirbyteTrace trace = (AirbyteTrace) handler.handle(config("test_read", manifest), catalog("employees"),
                null);

        assertThat(trace.error().message()).startsWith("Error reading stream employees: ").contains("streams");
        assertThat(trace.error().stackTrace()).isNotBlank();
    }

    @Test
    void aStreamTheManifestLacksIsATrace() throws Exception {
        ObjectNode config = config("test_read", demoManifest());
        config.put("base_url", "http://127.0.0.1:9");

        AirbyteTrace trace = (AirbyteTrace) handler.handle(config, catalog("nope"), null);

        assertThat(trace.error().message()).contains("no stream named 'nope'").contains("employees");
    }

    @Test
    void resolveErrorsAreWordedAsTheReferences() throws Exception {
        ObjectNode manifest = (ObjectNode) demoManifest();
        manifest.set("streams", Json.parse("[{\"$ref\": \"#/definitions/missing\"}]"));

        AirbyteTrace trace = (AirbyteTrace) handler.handle(config("resolve_manifest", manifest), null, null);

        assertThat(trace.error().message()).startsWith("Error resolving manifest: ");
    }
}
