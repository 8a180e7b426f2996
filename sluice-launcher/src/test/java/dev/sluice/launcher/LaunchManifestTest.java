package dev.sluice.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.testkit.MockApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A manifest on the class path launched through {@link Launcher#runManifest}, with sluice-declarative found by name. */
class LaunchManifestTest {

    private static final String MANIFEST = "dev/sluice/launcher/greetings-manifest.yaml";
    private static final String KEY = "manifest-key-51aa07";

    @RegisterExtension
    final MockApi api = new MockApi();

    @TempDir
    Path folder;

    private static Launched launch(String resource, String... args) {
        return Launched.of(out -> Launcher.runManifest(resource, out, args));
    }

    @Test
    void readsTheManifestsStreamWithTheKeyItsSpecMarksSecret() throws IOException {
        api.on("GET", "/greetings").json("{\"data\": [{\"id\": 1, \"text\": \"hello\"}]}");
        Path config = Files.writeString(folder.resolve("config.json"),
                "{\"base_url\": \"" + api.url() + "\", \"api_key\": \"" + KEY + "\"}");
        Path catalog = Files.writeString(folder.resolve("catalog.json"), "{\"streams\": [{\"stream\": {\"name\": "
                + "\"greetings\", \"json_schema\": {}, \"supported_sync_modes\": [\"full_refresh\"]}, \"sync_mode\": "
                + "\"full_refresh\", \"destination_sync_mode\": \"overwrite\"}]}");

        Launched spec = launch(MANIFEST, "spec");
        Launched read = launch("/" + MANIFEST, "read", "--config", config.toString(), "--catalog", catalog.toString());

        assertThat(spec.exitCode()).isZero();
        assertThat(spec.all(ConnectorSpecification.class).get(0).connectionSpecification().at("/properties/api_key"
                + "/airbyte_secret").asBoolean()).isTrue();
        assertThat(read.exitCode()).isZero();
        assertThat(read.all(AirbyteRecord.class)).extracting(record -> record.data().get("text").asText())
                .containsExactly("hello");
        assertThat(api.request(0).header("X-Api-Key")).isEqualTo(KEY);
        assertThat(read.stdout()).doesNotContain(KEY);
    }

    @Test
    void aMissingManifestResourceIsASystemErrorNamingIt() {
        Launched spec = launch("no/such/manifest.yaml", "spec");

        assertThat(spec.exitCode()).isEqualTo(1);
        assertThat(spec.all(AirbyteTrace.class)).singleElement().satisfies(trace -> {
            assertThat(trace.error().failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
            assertThat(trace.error().message()).contains("no/such/manifest.yaml");
        });
    }
}
