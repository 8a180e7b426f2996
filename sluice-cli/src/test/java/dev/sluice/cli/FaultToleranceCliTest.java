package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.TestRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault a real API produces, injected on one page of the demo API and read through the CLI in its own JVM,
 * for the declarative demo connector and the code-first one: each is retried and the read ends with every record
 * exactly once; a fault that persists ends the stream INCOMPLETE with an error naming the request and exit code 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultToleranceCliTest {

    @RegisterExtension
    final TestRun testRun = new TestRun();
    private final RunContext run = testRun.context();

    private static final String SECRET = "fault-secret-41c0";

    private Path dir;
    private DemoApi api;
    private CliProcess cli;
    private Path manifest;
    private Path config;
    private Path catalog;
    private int runs;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("sluice-faults");
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(1000).withApiKey(SECRET));
        // A short read timeout, so a stalled body is given up on quickly (the default is 300 s).
        cli = new CliProcess(dir, "-Dsluice.http.read-timeout=2");
        manifest = dir.resolve("demo-manifest.yaml");
        try (InputStream in = getClass().getResourceAsStream("/dev/sluice/examples/demo/demo-manifest.yaml")) {
            Files.write(manifest, in.readAllBytes());
        }
        config = dir.resolve("config.json");
        ObjectNode settings = Json.object().put("base_url", api.baseUri().toString()).put("api_key", SECRET);
        Files.writeString(config, Json.write(settings));
        catalog = dir.resolve("catalog.json");
        Files.writeString(catalog, Json.write(ConnectorHarness.catalogOf(
                ManifestSources.fromFile(manifest).streams(new Config(settings), run).subList(0, 1), false)));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    static Stream<Arguments> faults() {
        List<Fault> faults = List.of(new Fault.RateLimit(1), new Fault.RateLimitHttpDate(Instant.now().plusSeconds(2)),
                new Fault.Status(503), new Fault.Status(500), new Fault.DropConnection(), new Fault.Reset(),
                new Fault.TruncatedBody(), new Fault.MalformedJson(), new Fault.TruncatedJson(),
                new Fault.StallMidBody(Duration.ofSeconds(10)));
        return Stream.of("declarative", "code-first")
                .flatMap(kind -> faults.stream().map(fault -> Arguments.of(kind, fault)));
    }

    private String[] readArgs(String kind) {
        return kind.equals("declarative")
                ? new String[] {"read", "--manifest", manifest.toString(), "--config", config.toString(),
                    "--catalog", catalog.toString()}
                : new String[] {"read", "--source", DemoSource.class.getName(), "--config", config.toString(),
                    "--catalog", catalog.toString()};
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void aFaultOnOnePageIsRetriedAndNothingIsLostOrDuplicated(String kind, Fault fault) throws Exception {
        api.faults().clear();
        // Twice (the JDK client silently repeats a GET once after a connection closes before any byte), except a
        // stall: the stalled connection keeps the server busy past the client's retry.
        api.faults().times(fault instanceof Fault.StallMidBody ? 1 : 2, "/employees?page=3", fault);
        CliProcess.Result result = cli.run("run" + (++runs), Duration.ofMinutes(2), readArgs(kind));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<ObjectNode> records = result.output().records("employees");
        Set<Integer> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        assertThat(records).hasSize(1000);
        assertThat(ids).hasSize(1000);
        assertThat(result.output().statuses("employees")).endsWith(StreamStatus.COMPLETE);
        assertThat(api.faults().pending()).isEmpty();
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aPersistentFaultEndsTheStreamIncompleteNamingTheRequest(String kind) throws Exception {
        api.faults().clear();
        api.faults().always("/employees?page=2", new Fault.Status(502, "{\"error\": \"bad gateway " + SECRET + "\"}"));
        CliProcess.Result result = cli.run("run" + (++runs), Duration.ofMinutes(2), readArgs(kind));
        api.faults().clear();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().statuses("employees")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(result.output().records("employees")).hasSize(100);
        var error = result.output().errors().get(0);
        assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
        assertThat(error.message()).contains("/employees").contains("page=2").contains("bad gateway ****");
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
        assertThat(result.stderr()).doesNotContain("Exception");
    }

    static Stream<String> kinds() {
        return Stream.of("declarative", "code-first");
    }
}
