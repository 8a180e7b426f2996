package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.launcher.Launcher;
import dev.sluice.protocol.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's own {@code main} ({@link Launcher}) and {@code ./sluice} print the same bytes for the demo connector,
 * code-first and as a manifest, against the demo API on a real socket: only the clock differs ({@code emitted_at} and
 * the read time a LOG message gives), and the callers' frames in an error's stack trace.
 */
class LauncherMatchesCliTest {

    private static final String KEY = "launcher-demo-key-4e1d";
    private static final String MANIFEST = "dev/sluice/examples/demo/demo-manifest.yaml";

    @TempDir
    Path dir;
    private DemoApi api;
    private Path config;
    private Path catalog;

    @BeforeEach
    void start() throws IOException {
        api = DemoApi.start(DemoApiOptions.defaults().withApiKey(KEY).withEmployeeCount(120));
        config = Files.writeString(dir.resolve("config.json"), "{\"base_url\": \"" + api.baseUri() + "\", \"api_key\": \""
                + KEY + "\", \"page_size\": 50}");
        StringBuilder streams = new StringBuilder();
        for (String name : List.of("employees", "employee_benefits", "time_off_requests")) {
            streams.append(streams.length() == 0 ? "" : ",").append("{\"stream\": {\"name\": \"").append(name)
                    .append("\", \"json_schema\": {}, \"supported_sync_modes\": [\"full_refresh\", \"incremental\"]},")
                    .append(" \"sync_mode\": \"").append(name.equals("time_off_requests") ? "incremental" : "full_refresh")
                    .append("\", \"destination_sync_mode\": \"append\"}");
        }
        catalog = Files.writeString(dir.resolve("catalog.json"), "{\"streams\": [" + streams + "]}");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aCodeFirstSourcePrintsWhatSluicePrints() throws IOException {
        String source = DemoSource.class.getName();
        for (List<String> command : commands()) {
            List<String> cli = new ArrayList<>(command);
            cli.addAll(List.of("--source", source));
            assertSameOutput(command, out -> Launcher.run(new DemoSource(), out, command.toArray(String[]::new)),
                    out -> Main.execute(new MessageWriter(out), cli.toArray(String[]::new)));
        }
    }

    @Test
    void aManifestOnTheClassPathPrintsWhatSluicePrintsForTheFile() throws IOException {
        Path file = dir.resolve("demo-manifest.yaml");
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(MANIFEST))) {
            Files.copy(in, file);
        }
        for (List<String> command : commands()) {
            List<String> cli = new ArrayList<>(command);
            cli.addAll(List.of("--manifest", file.toString()));
            assertSameOutput(command, out -> Launcher.runManifest(MANIFEST, out, command.toArray(String[]::new)),
                    out -> Main.execute(new MessageWriter(out), cli.toArray(String[]::new)));
        }
    }

    private List<List<String>> commands() throws IOException {
        Path state = Files.writeString(dir.resolve("state.json"), "[{\"type\": \"STREAM\", \"stream\": {\"stream_descriptor\":"
                + " {\"name\": \"time_off_requests\"}, \"stream_state\": {\"updated_at\": \"2024-06-01T00:00:00Z\"}}}]");
        return List.of(
                List.of("spec"),
                List.of("check", "--config", config.toString()),
                List.of("discover", "--config", config.toString()),
                List.of("read", "--config", config.toString(), "--catalog", catalog.toString()),
                List.of("read", "--config", config.toString(), "--catalog", catalog.toString(), "--state", state.toString()),
                List.of("read", "--config", dir.resolve("missing.json").toString(), "--catalog", catalog.toString()));
    }

    private static void assertSameOutput(List<String> command, ToIntFunction<ByteArrayOutputStream> launched,
            ToIntFunction<ByteArrayOutputStream> sluice) {
        ByteArrayOutputStream launchedBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream sluiceBytes = new ByteArrayOutputStream();
        int launchedExit = launched.applyAsInt(launchedBytes);
        int sluiceExit = sluice.applyAsInt(sluiceBytes);

        String launchedText = withoutClock(launchedBytes.toString(StandardCharsets.UTF_8));
        assertThat(launchedText).as("output of %s", command).isEqualTo(withoutClock(sluiceBytes.toString(
                StandardCharsets.UTF_8))).isNotEmpty().doesNotContain(KEY);
        assertThat(launchedExit).as("exit code of %s", command).isEqualTo(sluiceExit);
    }

    private static String withoutClock(String output) {
        return output.replaceAll("\"emitted_at\":\\d+", "\"emitted_at\":0").replaceAll(" in \\d+ ms\"", " in 0 ms\"")
                // An error's stack trace names the frames that called the command: the test's and Main's or Launcher's.
                .replaceAll("\"stack_trace\":\"(?:[^\"\\\\]++|\\\\.)*+\"", "\"stack_trace\":\"\"");
    }
}
