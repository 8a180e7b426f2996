package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.ManifestLoader;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice connector-builder read}: the files the platform's builder server writes for
 * {@code python -m airbyte_cdk.connector_builder.main read}, answered with exactly one message and exit 0.
 */
class ConnectorBuilderCliTest {

    private static final String KEY = "cli-secret-key";

    @TempDir
    Path dir;

    private static JsonNode demoManifest() throws Exception {
        try (InputStream in = ConnectorBuilderCliTest.class.getClassLoader()
                .getResourceAsStream("dev/sluice/examples/demo/demo-manifest.yaml")) {
            return ManifestLoader.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8)).root();
        }
    }

    private Path write(String name, JsonNode json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Json.write(json));
        return file;
    }

    @Test
    void aTestReadPrintsOneRecordWithTheStreamRead() throws Exception {
        try (DemoApi api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(8).withApiKey(KEY))) {
            ObjectNode config = Json.object();
            config.put("__command", "test_read");
            config.set("__injected_declarative_manifest", demoManifest());
            config.set("__test_read_config", Json.object().put("max_records", 3));
            config.put("base_url", api.baseUri().toString());
            config.put("api_key", KEY);
            JsonNode catalog = Json.parse("{\"streams\": [{\"stream\": {\"name\": \"employees\", \"json_schema\": {},"
                    + " \"supported_sync_modes\": [\"full_refresh\"]}, \"sync_mode\": \"full_refresh\","
                    + " \"destination_sync_mode\": \"overwrite\"}]}");

            CliRun run = CliRun.of("connector-builder", "read", "--config", write("config.json", config).toString(),
                    "--catalog", write("catalog.json", catalog).toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.output().messages()).singleElement().isInstanceOf(AirbyteRecord.class);
            AirbyteRecord record = (AirbyteRecord) run.output().messages().get(0);
            assertThat(record.stream()).isEqualTo("employees");
            assertThat(record.data().path("slices").get(0).path("pages").get(0).path("records")).hasSize(3);
            assertThat(record.data().path("test_read_limit_reached").asBoolean()).isTrue();
            assertThat(run.stdout()).doesNotContain(KEY);
        }
    }

    @Test
    void resolveManifestNeedsNoCatalog() throws Exception {
        ObjectNode config = Json.object();
        config.put("__command", "resolve_manifest");
        config.set("__injected_declarative_manifest", demoManifest());

        CliRun run = CliRun.of("connector-builder", "read", "--config", write("config.json", config).toString());

        assertThat(run.exitCode()).isZero();
        AirbyteRecord record = (AirbyteRecord) run.output().messages().get(0);
        assertThat(record.stream()).isEqualTo("resolve_manifest");
        assertThat(record.data().path("manifest").path("streams")).hasSize(3);
    }

    @Test
    void aConfigWithoutACommandPrintsOneTrace() throws Exception {
        CliRun run = CliRun.of("connector-builder", "read", "--config",
                write("config.json", Json.object().put("api_key", KEY)).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output().messages()).singleElement().isInstanceOf(AirbyteTrace.class);
        assertThat(((AirbyteTrace) run.output().messages().get(0)).error().message())
                .startsWith("Error handling request: Invalid config: `__command` should be provided");
    }
}
