package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageReader;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.sluice.source.RunContext;

/**
 * A real {@code java} process runs {@code sluice read --manifest ...} against a local API and is killed with
 * SIGKILL after a few checkpoints; a second process resumes from the last STATE it printed. Every record must be
 * in what the first process printed before that STATE or in what the second one printed.
 */
class KillAndResumeTest {

    private final RunContext run = RunContext.named("test");

    @AfterEach
    void closeRun() {
        run.close();
    }

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int DAYS = 30;
    private static final int PER_DAY = 5;
    private static final String MANIFEST = """
            version: 6.0.0
            check: {stream_names: [events]}
            concurrency_level: {type: ConcurrencyLevel, default_concurrency: 3}
            streams:
              - type: DeclarativeStream
                name: events
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /events}
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "2024-01-01T00:00:00Z"
                  end_datetime: "2024-01-31T00:00:00Z"
                  step: P1D
                  cursor_granularity: PT1S
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: start}
                  end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: end}
            """;

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final List<String> starts = new CopyOnWriteArrayList<>();
    private Path manifest;
    private Path config;
    private Path catalog;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Events());
        server.start();
        manifest = Files.writeString(dir.resolve("manifest.yaml"), MANIFEST);
        ObjectNode settings = Json.object().put("base_url", server.url("/").toString());
        config = Files.writeString(dir.resolve("config.json"), Json.write(settings));
        catalog = Files.writeString(dir.resolve("catalog.json"), Json.write(ConnectorHarness.catalogOf(
                ManifestSources.fromFile(manifest).streams(Config.of(settings), run), true)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSyncKilledMidWayResumesFromItsLastStateWithoutLosingARecord() throws Exception {
        Process first = start(List.of());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread pump = pump(first, lines);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines.stream().filter(line -> line.startsWith("{\"type\":\"STATE\"")).count() < 4 && first.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        pump.join(10_000);
        Output killed = parse(lines);
        assertThat(killed.statuses("events")).as("killed before the end").doesNotContain(AirbyteTrace.StreamStatus.COMPLETE);

        int lastState = lastStateIndex(killed);
        assertThat(lastState).as("the first process printed a STATE").isNotNegative();
        Set<String> delivered = new HashSet<>(ids(killed.messages().subList(0, lastState)));
        JsonNode resumeFrom = ((AirbyteStateMessage) killed.messages().get(lastState)).stream().streamState();
        Path state = Files.writeString(dir.resolve("state.json"), Json.write(List.of(killed.messages().get(lastState))));
        starts.clear();

        Process second = start(List.of("--state", state.toString()));
        List<String> resumedLines = Collections.synchronizedList(new ArrayList<>());
        pump(second, resumedLines).join(120_000);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        Output resumed = parse(resumedLines);
        delivered.addAll(ids(resumed.messages()));

        System.out.printf("killed after %d records (%d before its last STATE %s); the resumed process read %d%n",
                ids(killed.messages()).size(), ids(killed.messages().subList(0, lastState)).size(), resumeFrom,
                ids(resumed.messages()).size());
        assertThat(delivered).containsAll(allIds());
        String claimed = resumeFrom.get("updated_at").asText();
        assertThat(starts).as("the resumed sync starts at the claimed cursor value").allSatisfy(start ->
                assertThat(start).isGreaterThanOrEqualTo(claimed.substring(0, 10)));
    }

    private Process start(List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "read", "--manifest", manifest.toString(), "--config", config.toString(),
                "--catalog", catalog.toString()));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr-" + extra.size() + ".txt").toFile()).start();
    }

    private static Thread pump(Process process, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed while we read: what was read so far is the result.
            }
        });
        thread.start();
        return thread;
    }

    /** The protocol messages of complete lines (a killed process may leave half a line). */
    private static Output parse(List<String> lines) {
        List<AirbyteMessage> messages = new ArrayList<>();
        for (String line : lines) {
            try {
                messages.add(MessageReader.parse(line));
            } catch (JsonProcessingException e) {
                // only the last line of a killed process can be cut
            }
        }
        return new Output(messages, 0);
    }

    private static int lastStateIndex(Output output) {
        for (int i = output.messages().size() - 1; i >= 0; i--) {
            if (output.messages().get(i) instanceof AirbyteStateMessage) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> ids(List<AirbyteMessage> messages) {
        return messages.stream().filter(AirbyteRecord.class::isInstance).map(AirbyteRecord.class::cast)
                .map(record -> record.data().get("id").asText()).toList();
    }

    private static List<String> allIds() {
        return IntStream.range(0, DAYS * PER_DAY).mapToObj(Integer::toString).toList();
    }

    /** {@code GET /events?start=&end=}: the events with start <= updated_at <= end, 100 ms late. */
    private final class Events extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            starts.add(url.queryParameter("start"));
            Instant from = Instant.parse(url.queryParameter("start"));
            Instant to = Instant.parse(url.queryParameter("end"));
            ArrayNode data = Json.nodes().arrayNode();
            for (int id = 0; id < DAYS * PER_DAY; id++) {
                Instant at = START.plus(id / PER_DAY, ChronoUnit.DAYS).plus(2L * (id % PER_DAY) + 1, ChronoUnit.HOURS);
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    data.addObject().put("id", id).put("updated_at", at.toString());
                }
            }
            ObjectNode body = Json.object();
            body.set("data", data);
            return new MockResponse.Builder().headersDelay(100, TimeUnit.MILLISECONDS)
                    .addHeader("Content-Type", "application/json").body(Json.write(body)).build();
        }
    }
}
