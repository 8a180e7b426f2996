package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.TestRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at 20 seeded moments: {@code sluice read} runs in its own JVM against the demo API (with latency) and is
 * killed with SIGKILL after a seeded number of records (0 = while the JVM starts), then resumed from the last
 * STATE of every run so far, until the kill points of its kind are spent and a last run completes. Ten points go
 * to the code-first {@link DemoSource} ({@code employees}: resumable full refresh, a checkpoint per page;
 * {@code time_off_requests}: incremental on {@code updated_at}, a checkpoint per 100 records) and ten to a
 * declarative {@code DatetimeBasedCursor} stream (monthly windows, read two at a time).
 *
 * <p>What a killed run delivered is what it printed before its stream's last STATE: the platform commits nothing
 * after it. Across the runs, every record must be delivered at least once, and a resumed run may deliver again
 * only what its state could not claim: for {@code DemoSource} (sequential, a STATE after each checkpoint interval)
 * at most one checkpoint interval per resumed run (a page of employees, 100 time-off requests); for the
 * concurrent {@code DatetimeBasedCursor} stream, whose STATE is the low-water mark of the windows read so far, at
 * most the windows that were in flight: {@link #IN_FLIGHT_WINDOWS} windows' worth of records, where a window is one
 * {@code step} (a month) from any start. And a resumed incremental run prints no record at or before the
 * {@code updated_at} of the STATE it resumed from. A resume that ignored its state reads everything again and fails
 * these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillPointsTest {

    @RegisterExtension
    final TestRun testRun = new TestRun();
    private final RunContext run = testRun.context();

    private static final long SEED = 0x5eed_0009L;
    private static final int KILLS_PER_KIND = 10;
    private static final int ROWS = 1000;
    private static final String API_KEY = "kill-test-key";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final int EMPLOYEES_PAGE_SIZE = 50;
    /** The cursor of both incremental streams, in their records and in their STATE. */
    private static final String CURSOR_FIELD = "updated_at";
    /** {@code TimeOffRequests.checkpointInterval()}. */
    private static final int TIME_OFF_CHECKPOINT_INTERVAL = 100;
    /**
     * Windows the concurrent reader hands out before the oldest is done: twice the manifest's
     * {@code default_concurrency} of 2 ({@code ConcurrentReader}'s permits). Records of any of them may be printed
     * before a STATE that cannot claim them yet.
     */
    private static final int IN_FLIGHT_WINDOWS = 2 * 2;
    /** The manifest's {@code step}. */
    private static final Period WINDOW = Period.ofMonths(1);

    /**
     * The demo API's time-off requests in monthly windows. The API only filters by {@code updated_since}
     * (strictly after), so each window asks for everything after its start and a record filter drops what lies
     * past its end.
     */
    private static final String MANIFEST = """
            version: "6.44.0"
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [time_off_requests]}
            concurrency_level: {type: ConcurrencyLevel, default_concurrency: 2}
            streams:
              - type: DeclarativeStream
                name: time_off_requests
                primary_key: id
                schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: time_off_requests
                    request_headers: {X-Api-Key: "{{ config['api_key'] }}"}
                    request_parameters: {page_size: "100"}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                    record_filter:
                      type: RecordFilter
                      condition: "{{ record['updated_at'] <= stream_interval['end_time'] }}"
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy:
                      type: CursorPagination
                      cursor_value: "{{ response.next_page }}"
                      stop_condition: "{{ response.next_page is none }}"
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: updated_at
                  datetime_format: "%Y-%m-%dT%H:%M:%SZ"
                  start_datetime: "2024-01-01T00:00:00Z"
                  end_datetime: "2025-01-01T00:00:00Z"
                  step: P1M
                  cursor_granularity: PT1S
                  start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: updated_since}
            spec:
              type: Spec
              connection_specification:
                type: object
                required: [base_url]
                properties:
                  base_url: {type: string}
                  api_key: {type: string, airbyte_secret: true}
            """;

    @TempDir
    Path dir;
    private DemoApi api;
    private final Random random = new Random(SEED);
    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void startApi() {
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(ROWS).withTimeOffRequestCount(ROWS)
                .withApiKey(API_KEY).withLatency(Duration.ofMillis(10)));
    }

    @AfterAll
    void stopApi() {
        api.close();
        report.forEach(System.out::println);
    }

    @Test
    void codeFirstResumableFullRefreshAndIncrementalSurviveTenKills() throws Exception {
        ObjectNode settings = Json.object().put("base_url", api.baseUri().toString()).put("api_key", API_KEY)
                .put("page_size", EMPLOYEES_PAGE_SIZE);
        Path config = Files.writeString(dir.resolve("code-first-config.json"), Json.write(settings));
        List<Stream> streams = new DemoSource().streams(Config.of(settings)).stream()
                .filter(stream -> !stream.name().equals("employee_benefits")).toList();
        Path catalog = Files.writeString(dir.resolve("code-first-catalog.json"),
                Json.write(ConnectorHarness.catalogOf(streams, true)));

        Map<String, Integer> repeats = killAndResume("code-first", List.of("read", "--source",
                DemoSource.class.getName(), "--config", config.toString(), "--catalog", catalog.toString()),
                List.of("employees", "time_off_requests"));

        assertThat(repeats.get("employees")).as("employees delivered again by one resumed run, at most a page")
                .isLessThanOrEqualTo(EMPLOYEES_PAGE_SIZE);
        assertThat(repeats.get("time_off_requests"))
                .as("time-off requests delivered again by one resumed run, at most one checkpoint interval")
                .isLessThanOrEqualTo(TIME_OFF_CHECKPOINT_INTERVAL);
    }

    @Test
    void declarativeDatetimeCursorSurvivesTenKills() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.yaml"), MANIFEST);
        ObjectNode settings = Json.object().put("base_url", api.baseUri().toString()).put("api_key", API_KEY);
        Path config = Files.writeString(dir.resolve("declarative-config.json"), Json.write(settings));
        Path catalog = Files.writeString(dir.resolve("declarative-catalog.json"), Json.write(
                ConnectorHarness.catalogOf(ManifestSources.fromFile(manifest).streams(Config.of(settings), run), true)));

        Map<String, Integer> repeats = killAndResume("declarative", List.of("read", "--manifest",
                manifest.toString(), "--config", config.toString(), "--catalog", catalog.toString()),
                List.of("time_off_requests"));

        int inFlight = IN_FLIGHT_WINDOWS * busiestWindow(api.baseUri().toString());
        report.add("declarative time_off_requests: at most " + inFlight + " records in " + IN_FLIGHT_WINDOWS
                + " windows");
        assertThat(repeats.get("time_off_requests"))
                .as("time-off requests delivered again by one resumed run, at most the windows in flight")
                .isLessThanOrEqualTo(inFlight);
    }

    /**
     * Kills and resumes the read; asserts that every record was delivered and returns, per stream, the most records
     * one resumed run delivered again (committed by an earlier run already).
     */
    private Map<String, Integer> killAndResume(String kind, List<String> readArgs, List<String> streamNames)
            throws Exception {
        Map<String, Integer> mostRepeated = new LinkedHashMap<>();
        Map<String, List<Integer>> repeatsPerRun = new LinkedHashMap<>();
        Map<String, Set<Integer>> delivered = new LinkedHashMap<>();
        Map<String, Integer> deliveries = new HashMap<>();
        streamNames.forEach(name -> delivered.put(name, new HashSet<>()));
        Map<String, AirbyteStateMessage> lastStates = new LinkedHashMap<>();
        List<Integer> killPoints = new ArrayList<>();
        Output last = null;
        for (int run = 0; run <= KILLS_PER_KIND; run++) {
            boolean lastRun = run == KILLS_PER_KIND;
            int undelivered = streamNames.size() * ROWS - delivered.values().stream().mapToInt(Set::size).sum();
            // Fewer records than a complete resumed run prints, so the kill always comes before the end.
            int killAfter = lastRun ? -1 : random.nextInt(Math.max(1, undelivered));
            List<String> args = new ArrayList<>(readArgs);
            if (!lastStates.isEmpty()) {
                Path state = Files.writeString(dir.resolve(kind + "-state-" + run + ".json"),
                        Json.write(List.copyOf(lastStates.values())));
                args.addAll(List.of("--state", state.toString()));
            }
            WatchedProcess process = WatchedProcess.start(dir.resolve(kind + "-" + run + ".err"), killAfter,
                    List.of(), args);
            Output output = process.await(RUN_TIMEOUT);
            if (!lastRun) {
                assertThat(process.killed()).as("run %d was killed (after %d records)", run, killAfter).isTrue();
                killPoints.add(killAfter);
            }
            for (String name : streamNames) {
                List<Integer> committed = committedIds(output, name, lastRun);
                AirbyteStateMessage resumedFrom = lastStates.get(name);
                if (resumedFrom != null && resumedFrom.stream().streamState() != null
                        && resumedFrom.stream().streamState().has(CURSOR_FIELD)) {
                    Instant cursor = Instant.parse(resumedFrom.stream().streamState().get(CURSOR_FIELD).asText());
                    assertThat(printedCursorValues(output, name)).as(
                            "%s run %d of %s resumed from %s prints no record at or before it", kind, run, name, cursor)
                            .allSatisfy(value -> assertThat(value).isAfter(cursor));
                }
                Set<Integer> earlier = delivered.get(name);
                int repeated = (int) committed.stream().filter(earlier::contains).count();
                repeatsPerRun.computeIfAbsent(name, key -> new ArrayList<>()).add(repeated);
                mostRepeated.merge(name, repeated, Math::max);
                delivered.get(name).addAll(committed);
                deliveries.merge(name, committed.size(), Integer::sum);
            }
            output.messages().stream().filter(AirbyteStateMessage.class::isInstance)
                    .map(AirbyteStateMessage.class::cast)
                    .forEach(state -> lastStates.put(state.stream().streamDescriptor().name(), state));
            last = output;
        }

        assertThat(last.exitCode()).as("%s%n%s", last.errors(), stderrOf(kind, KILLS_PER_KIND)).isZero();
        for (String name : streamNames) {
            assertThat(last.statuses(name)).endsWith(StreamStatus.COMPLETE);
            Set<Integer> missing = IntStream.rangeClosed(1, ROWS).boxed()
                    .filter(id -> !delivered.get(name).contains(id)).collect(Collectors.toSet());
            assertThat(missing).as("%s records of %s never delivered", kind, name).isEmpty();
            report.add(String.format("%s %s: %d records delivered for %d distinct (%d duplicates; per run %s)",
                    kind, name, deliveries.get(name), ROWS, deliveries.get(name) - ROWS, repeatsPerRun.get(name)));
        }
        report.add(kind + " kill points (records printed before SIGKILL): " + killPoints);
        assertThat(killPoints).hasSize(KILLS_PER_KIND);
        return mostRepeated;
    }

    /** The most time-off requests whose {@code updated_at} lies in one window of {@link #WINDOW}, from any start. */
    private static int busiestWindow(String baseUri) throws Exception {
        List<Instant> updated = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        String next = "";
        do {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(baseUri).resolve("/time_off_requests?page_size=1000" + next))
                    .header("X-Api-Key", API_KEY).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body());
            body.path("data").forEach(record -> updated.add(Instant.parse(record.path("updated_at").asText())));
            next = body.path("next_page").isNull() || body.path("next_page").isMissingNode() ? null
                    : "&page=" + body.path("next_page").asText();
        } while (next != null);
        assertThat(updated).hasSize(ROWS);
        List<Instant> sorted = updated.stream().sorted().toList();
        int busiest = 0;
        int end = 0;
        for (int start = 0; start < sorted.size(); start++) {
            Instant limit = sorted.get(start).atZone(ZoneOffset.UTC).plus(WINDOW).toInstant();
            while (end < sorted.size() && sorted.get(end).isBefore(limit)) {
                end++;
            }
            busiest = Math.max(busiest, end - start);
        }
        return busiest;
    }

    /**
     * The ids the platform commits from one run: all records of a complete run; of a killed run, the stream's
     * records printed before its last STATE.
     */
    private static List<Integer> committedIds(Output output, String stream, boolean complete) {
        List<AirbyteMessage> messages = output.messages();
        int end = messages.size();
        if (!complete) {
            end = 0;
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i) instanceof AirbyteStateMessage state
                        && state.stream().streamDescriptor().name().equals(stream)) {
                    end = i;
                    break;
                }
            }
        }
        return messages.subList(0, end).stream().filter(AirbyteRecord.class::isInstance)
                .map(AirbyteRecord.class::cast).filter(record -> record.stream().equals(stream))
                .map(record -> record.data().get("id").asInt()).toList();
    }

    /** The cursor values of every record of the stream the run printed, committed or not. */
    private static List<Instant> printedCursorValues(Output output, String stream) {
        return output.messages().stream().filter(AirbyteRecord.class::isInstance).map(AirbyteRecord.class::cast)
                .filter(record -> record.stream().equals(stream))
                .map(record -> Instant.parse(record.data().get(CURSOR_FIELD).asText())).toList();
    }

    private String stderrOf(String kind, int run) throws IOException {
        return Files.readString(dir.resolve(kind + "-" + run + ".err"));
    }
}
