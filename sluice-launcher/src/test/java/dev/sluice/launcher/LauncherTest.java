package dev.sluice.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteCatalog;
import dev.sluice.protocol.AirbyteLog;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.testkit.MockApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A code-first source launched through {@link Launcher}: the four commands, their exit codes, logs and masking. */
class LauncherTest {

    private static final String KEY = "launcher-key-9f3b2c";

    @RegisterExtension
    final MockApi api = new MockApi();

    @TempDir
    Path folder;

    private Path config;
    private Path catalog;

    @BeforeEach
    void files() throws IOException {
        api.on("GET", "/greetings").json("{\"data\": [{\"id\": 1, \"text\": \"hello\"}, {\"id\": 2, \"text\": \"hi\"}]}");
        config = Files.writeString(folder.resolve("config.json"),
                "{\"base_url\": \"" + api.url() + "\", \"api_key\": \"" + KEY + "\"}");
        catalog = Files.writeString(folder.resolve("catalog.json"), "{\"streams\": [{\"stream\": {\"name\": \"greetings\","
                + " \"json_schema\": {}, \"supported_sync_modes\": [\"full_refresh\"]}, \"sync_mode\": \"full_refresh\","
                + " \"destination_sync_mode\": \"overwrite\"}]}");
    }

    private static Launched launch(String... args) {
        return Launched.of(out -> Launcher.run(new GreetingsSource(), out, args));
    }

    @Test
    void specPrintsTheSpecificationAndExitsZero() {
        Launched spec = launch("spec");

        assertThat(spec.exitCode()).isZero();
        assertThat(spec.messages()).hasSize(1);
        assertThat(spec.all(ConnectorSpecification.class).get(0).connectionSpecification())
                .isEqualTo(new GreetingsSource().spec().connectionSpecification());
    }

    @Test
    void checkAndDiscoverTalkToTheApi() {
        Launched check = launch("check", "--config", config.toString());
        Launched discover = launch("discover", "--config", config.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.all(ConnectionStatus.class)).extracting(ConnectionStatus::status)
                .containsExactly(ConnectionStatus.Status.SUCCEEDED);
        assertThat(discover.exitCode()).isZero();
        assertThat(discover.all(AirbyteCatalog.class).get(0).streams()).extracting(stream -> stream.name())
                .containsExactly("greetings");
        assertThat(api.targets()).containsOnly("GET /greetings");
    }

    @Test
    void readWritesRecordsAndTheSourcesLogsAsMaskedLogMessages() {
        Launched read = launch("read", "--config", config.toString(), "--catalog", catalog.toString());

        assertThat(read.exitCode()).isZero();
        assertThat(read.all(AirbyteRecord.class)).extracting(record -> record.data().get("text").asText())
                .containsExactly("hello", "hi");
        // The stream's slf4j line became a LOG message, and the key it names is masked like every other text.
        assertThat(read.all(AirbyteLog.class)).extracting(AirbyteLog::message)
                .contains("Parsing greetings read with the key ****");
        assertThat(read.stdout()).doesNotContain(KEY);
    }

    @Test
    void debugLogsAtDebugLevelOnlyWhenAsked() {
        Launched quiet = launch("read", "--config", config.toString(), "--catalog", catalog.toString());
        Launched debug = launch("read", "--config", config.toString(), "--catalog", catalog.toString(), "--debug");

        assertThat(quiet.all(AirbyteLog.class)).extracting(AirbyteLog::level).doesNotContain(AirbyteLog.Level.DEBUG);
        assertThat(debug.all(AirbyteLog.class)).filteredOn(log -> log.level() == AirbyteLog.Level.DEBUG)
                .extracting(AirbyteLog::message).contains("Greetings answered with status 200");
        assertThat(debug.stdout()).doesNotContain(KEY);
    }

    @Test
    void aFailedStreamExitsOneWithAnErrorTrace() {
        api.reset();
        api.on("GET", "/greetings").json(403, "{\"error\": \"forbidden for " + KEY + "\"}");

        Launched read = launch("read", "--config", config.toString(), "--catalog", catalog.toString());

        assertThat(read.exitCode()).isEqualTo(1);
        assertThat(read.all(AirbyteTrace.class)).anySatisfy(trace -> assertThat(trace.error()).isNotNull());
        assertThat(read.stdout()).doesNotContain(KEY);
    }

    @Test
    void anUnreadableConfigIsAConfigErrorTraceAndExitOne() {
        Launched check = launch("check", "--config", folder.resolve("missing.json").toString());

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.all(AirbyteTrace.class)).singleElement()
                .satisfies(trace -> assertThat(trace.error().failureType()).isEqualTo(FailureType.CONFIG_ERROR));
    }

    @Test
    void argumentsPicocliCannotParseExitTwoWithNothingOnStandardOutput() {
        assertThat(launch("read", "--config", config.toString())).satisfies(missingCatalog -> {
            assertThat(missingCatalog.exitCode()).isEqualTo(2);
            assertThat(missingCatalog.stdout()).isEmpty();
        });
        assertThat(launch("frobnicate").exitCode()).isEqualTo(2);
        assertThat(launch().exitCode()).isEqualTo(2);
        assertThat(launch("spec", "--source", "com.acme.Other").exitCode()).as("no ./sluice options here")
                .isEqualTo(2);
    }

    @Test
    void helpAndVersionPrintOnStandardOutputAndExitZero() {
        Launched help = launch("--help");
        Launched readHelp = launch("read", "--help");
        Launched version = launch("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: GreetingsSource").contains("spec", "check", "discover", "read");
        assertThat(readHelp.stdout()).startsWith("Usage: GreetingsSource read").contains("--config", "--catalog",
                "--state", "--debug");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).isEqualTo("sluice " + LauncherVersion.version() + System.lineSeparator());
        assertThat(LauncherVersion.version()).doesNotContain("unknown", "${");
    }
}
