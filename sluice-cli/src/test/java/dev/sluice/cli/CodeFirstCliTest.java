package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.ConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice spec|check|discover|read --source ...} through the command line, against the demo API. */
class CodeFirstCliTest {

    private static final String SOURCE = DemoSource.class.getName();
    private static final String KEY = "cli-secret-9d2e";

    @TempDir
    Path dir;
    private DemoApi api;
    private Path config;
    private Path catalog;

    @BeforeEach
    void start() throws Exception {
        api = DemoApi.start(DemoApiOptions.defaults().withApiKey(KEY));
        config = ConfigBuilder.withBaseUrl(api.baseUri().toString()).put("api_key", KEY)
                .writeTo(dir.resolve("config.json"));
        catalog = dir.resolve("catalog.json");
        Config parsed = ConfigBuilder.withBaseUrl(api.baseUri().toString()).build();
        Files.writeString(catalog, Json.write(ConnectorHarness.catalogOf(new DemoSource().streams(parsed), true)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void specCheckAndDiscover() {
        assertThat(CliRun.of("spec", "--source", SOURCE).stdout()).startsWith("{\"type\":\"SPEC\",\"spec\":{");
        CliRun check = CliRun.of("check", "--source", SOURCE, "--config", config.toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.output().connectionStatus().orElseThrow().status().name()).isEqualTo("SUCCEEDED");
        CliRun discover = CliRun.of("discover", "--source", SOURCE, "--config", config.toString());
        assertThat(discover.output().catalog().orElseThrow().streams()).hasSize(3);
    }

    @Test
    void readPrintsOnlyProtocolLinesAndEveryRecord() {
        CliRun read = CliRun.of("read", "--source", SOURCE, "--config", config.toString(), "--catalog", catalog.toString());
        assertThat(read.exitCode()).isZero();
        assertThat(read.output().records("employees")).hasSize(5000);
        assertThat(read.output().records("employee_benefits")).hasSize(200);
        assertThat(read.output().records("time_off_requests")).hasSize(1000);
        assertThat(read.stdout()).doesNotContain(KEY);
    }

    @Test
    void aFailingStreamExitsNonZeroAndMasksTheKeyInTheTrace() throws Exception {
        api.faults().always("/employee_benefits", new Fault.Status(403, "{\"error\": \"key " + KEY + " is revoked\"}"));
        CliRun read = CliRun.of("read", "--source", SOURCE, "--config", config.toString(), "--catalog", catalog.toString());
        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(read.output().errors()).hasSize(2);
        assertThat(read.output().errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(read.output().errors().get(0).message()).contains("**** is revoked");
        assertThat(read.stdout()).doesNotContain(KEY);
        assertThat(read.output().records("time_off_requests")).hasSize(1000);
    }

    @Test
    void aReaderThatGoesAwayEndsTheReadWithOneLineNotAStackTrace() throws Exception {
        Path stderr = dir.resolve("closed.err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "read", "--source", SOURCE,
                "--config", config.toString(), "--catalog", catalog.toString())
                .redirectError(stderr.toFile()).start();
        try (var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(stdout.readLine()).startsWith("{\"type\":");
        }
        // As `sluice read ... | head -1` does: the pipe is closed while the read goes on.
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(stderr)).contains("sluice: standard output was closed")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void badInputsAreTracesNotStackTraces() throws Exception {
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"base_url\": ");
        CliRun broken = CliRun.of("discover", "--source", SOURCE, "--config", notJson.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output().errors().get(0).message()).startsWith("Could not read json file");

        Path missingField = dir.resolve("empty.json");
        Files.writeString(missingField, "{}");
        CliRun invalid = CliRun.of("read", "--source", SOURCE, "--config", missingField.toString(),
                "--catalog", catalog.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.output().errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(invalid.output().errors().get(0).message()).contains("base_url");

        CliRun check = CliRun.of("check", "--source", SOURCE, "--config", missingField.toString());
        assertThat(check.exitCode()).isZero();
        assertThat(check.output().connectionStatus().orElseThrow().message()).contains("base_url");

        CliRun unknownClass = CliRun.of("spec", "--source", "dev.acme.Missing");
        assertThat(unknownClass.exitCode()).isEqualTo(1);
        assertThat(unknownClass.output().errors().get(0).message()).contains("dev.acme.Missing");
    }
}
