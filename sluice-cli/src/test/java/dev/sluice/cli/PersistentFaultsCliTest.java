package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.AirbyteTrace.TraceError;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault kind of the demo API, made persistent on the second page of its own stream, in one read per connector
 * kind through the CLI in its own JVM (read timeout 1 s): each stream is retried within its error handler's budget,
 * then ends INCOMPLETE with an error TRACE that names the request and masks the key, after delivering its first
 * page exactly once; the other streams still run and the process exits 1. ({@link FaultToleranceCliTest} shows the
 * same faults survived when they pass.)
 */
class PersistentFaultsCliTest {

    private static final String KEY = "persistent-key-0b7e";
    private static final int PAGE_SIZE = 20;

    @TempDir
    Path dir;
    private DemoApi api;

    @BeforeEach
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults().withApiKey(KEY).withEmployeeCount(100));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** One stream per fault kind, named after it. */
    private static Map<String, Fault> faults() {
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put("rate_limit_seconds", new Fault.RateLimit(1));
        faults.put("rate_limit_http_date", new Fault.RateLimitHttpDate(Instant.now().plusSeconds(2)));
        faults.put("status_503", new Fault.Status(503));
        faults.put("dropped_connection", new Fault.DropConnection());
        faults.put("reset", new Fault.Reset());
        faults.put("truncated_body", new Fault.TruncatedBody());
        faults.put("malformed_json", new Fault.MalformedJson());
        faults.put("truncated_json", new Fault.TruncatedJson());
        faults.put("stall_mid_body", new Fault.StallMidBody(Duration.ofSeconds(30)));
        return faults;
    }

    /** The items manifest with one stream per fault: {@code employees?fault=<name>}, and one retry per request. */
    private static String manifest(Set<String> names) {
        String manifest = ItemsConnector.MANIFEST;
        String template = manifest.substring(manifest.indexOf("  - type: DeclarativeStream"),
                manifest.indexOf("spec:"));
        String streams = names.stream().map(name -> template.replace("name: items", "name: " + name)
                        .replace("max_retries: 2", "max_retries: 1")
                        .replace("path: \"{{ config['path'] }}\"", "path: employees\n        request_parameters: "
                                + "{fault: " + name + ", page_size: \"" + PAGE_SIZE + "\"}"))
                .collect(Collectors.joining());
        return manifest.substring(0, manifest.indexOf("streams:"))
                .replace("stream_names: [items]", "stream_names: [" + names.iterator().next() + "]")
                + "streams:\n" + streams + manifest.substring(manifest.indexOf("spec:"));
    }

    private static String catalog(Set<String> names) {
        return names.stream().map(name -> "{\"stream\": {\"name\": \"" + name + "\", \"json_schema\": {},"
                + " \"supported_sync_modes\": [\"full_refresh\"]}, \"sync_mode\": \"full_refresh\","
                + " \"destination_sync_mode\": \"overwrite\"}")
                .collect(Collectors.joining(",", "{\"streams\": [", "]}"));
    }

    @ParameterizedTest
    @EnumSource(ItemsConnector.class)
    void everyPersistentFaultEndsItsStreamIncompleteNamingTheRequestAfterItsFirstPage(ItemsConnector kind)
            throws Exception {
        Map<String, Fault> faults = faults();
        faults.forEach((name, fault) -> api.faults().always("/employees?fault=" + name + "&page=2", fault));
        ObjectNode config = ItemsConnector.config(api.baseUri().toString(), "employees", KEY);
        List<String> args = new ArrayList<>(List.of("read"));
        if (kind == ItemsConnector.DECLARATIVE) {
            args.addAll(List.of("--manifest", Files.writeString(dir.resolve("faults.yaml"),
                    manifest(faults.keySet())).toString()));
        } else {
            ObjectNode streams = config.putObject("streams");
            faults.keySet().forEach(name -> streams.put(name, "employees?fault=" + name + "&page_size=" + PAGE_SIZE));
            args.addAll(List.of("--source", ItemsSource.class.getName()));
        }
        args.addAll(List.of("--config", Files.writeString(dir.resolve("config.json"), Json.write(config)).toString(),
                "--catalog", Files.writeString(dir.resolve("catalog.json"), catalog(faults.keySet())).toString()));
        CliProcess cli = new CliProcess(dir, "-XX:TieredStopAtLevel=1", "-Dsluice.http.read-timeout=1");

        CliProcess.Result result = cli.run("faults", Duration.ofMinutes(2), args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).doesNotContain(KEY);
        List<TraceError> errors = result.output().errors();
        for (String name : faults.keySet()) {
            assertThat(result.output().statuses(name)).as(name).endsWith(StreamStatus.INCOMPLETE);
            // The first page whole; of page 2, at most the records that arrived before its body broke off (a
            // streamed page hands them on as they come, and its retries skip them): in order, none twice.
            List<Integer> ids = result.output().records(name).stream().map(record -> record.get("id").asInt())
                    .toList();
            assertThat(ids).as(name).hasSizeBetween(PAGE_SIZE, 2 * PAGE_SIZE - 1)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ids.size()).boxed().toList());
            TraceError error = errors.stream().filter(e -> e.streamDescriptor() != null
                    && e.streamDescriptor().name().equals(name)).findFirst().orElseThrow();
            assertThat(error.message()).as(name).contains("GET " + api.baseUri() + "/employees?")
                    .contains("fault=" + name).contains("page=2");
            assertThat(error.failureType()).as(name).isEqualTo(FailureType.TRANSIENT_ERROR);
            // The JDK client repeats a GET once, unseen, after a connection that closed before any response byte.
            long attempts = api.requests().all().stream()
                    .filter(request -> request.query().getOrDefault("fault", List.of()).contains(name)
                            && request.query().getOrDefault("page", List.of()).contains("2")).count();
            int budget = kind == ItemsConnector.DECLARATIVE ? 1 : 2;
            assertThat(attempts).as(name).isBetween(budget + 1L, 2L * (budget + 1));
        }
        System.out.printf("%s: %d persistent faults reported, %d requests%n", kind, faults.size(),
                api.requests().all().size());
    }
}
