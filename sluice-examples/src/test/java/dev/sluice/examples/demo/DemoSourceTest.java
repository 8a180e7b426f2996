package dev.sluice.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.examples.demo.api.RecordedRequest;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo connector end to end against the demo API on loopback. */
class DemoSourceTest {

    private static final String API_KEY = "demo-key-7f3a9c";

    private DemoApi api;
    private Config config;
    private final ConnectorHarness harness = ConnectorHarness.of(new DemoSource());

    @BeforeEach
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults().withApiKey(API_KEY));
        config = new Config(Json.object().put("base_url", api.baseUri().toString()).put("api_key", API_KEY));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static Set<Integer> ids(List<ObjectNode> records) {
        Set<Integer> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        return ids;
    }

    @Test
    void discoverShowsTheThreeKindsOfStreamsAndTheirSchemas() {
        Output output = harness.discover(config);
        List<AirbyteStream> streams = output.catalog().orElseThrow().streams();
        assertThat(streams).extracting(AirbyteStream::name)
                .containsExactly("employees", "employee_benefits", "time_off_requests");
        AirbyteStream employees = streams.get(0);
        assertThat(employees.isResumable()).isTrue();
        assertThat(employees.supportedSyncModes()).hasSize(1);
        assertThat(employees.jsonSchema().at("/properties/address/properties/city/type").isArray()).isTrue();
        AirbyteStream benefits = streams.get(1);
        assertThat(benefits.isResumable()).isFalse();
        assertThat(benefits.jsonSchema().at("/properties/plan/properties/tier").isObject()).isTrue();
        assertThat(Json.write(benefits.jsonSchema())).doesNotContain("$ref");
        AirbyteStream timeOff = streams.get(2);
        assertThat(timeOff.defaultCursorField()).containsExactly("updated_at");
        assertThat(timeOff.jsonSchema().at("/properties/days/type").asText()).isEqualTo("integer");
        assertThat(timeOff.jsonSchema().at("/properties/updated_at/format").asText()).isEqualTo("date-time");
    }

    @Test
    void readsEveryRecordWithStatusesAndStates() {
        Output output = harness.readAll(config, true, StateInput.empty());

        assertThat(output.exitCode()).isZero();
        assertThat(ids(output.records("employees"))).hasSize(5000).contains(1, 5000);
        assertThat(output.records("employee_benefits")).hasSize(200);
        assertThat(output.records("time_off_requests")).hasSize(1000)
                .allSatisfy(record -> assertThat(record.get("days").asInt()).isPositive());
        for (String stream : List.of("employees", "employee_benefits", "time_off_requests")) {
            assertThat(output.statuses(stream)).containsExactly(StreamStatus.STARTED, StreamStatus.RUNNING,
                    StreamStatus.COMPLETE);
        }
        List<JsonNode> pages = output.states("employees");
        assertThat(pages).hasSize(50);
        assertThat(pages.get(0)).isEqualTo(Json.object().put("page", 2));
        assertThat(pages.get(49)).isEqualTo(Json.object().put("__ab_full_refresh_sync_complete", true));
        assertThat(output.states("employee_benefits"))
                .containsExactly(Json.object().put("__ab_no_cursor_state_message", true));
        String lastUpdated = output.records("time_off_requests").get(999).get("updated_at").asText();
        assertThat(output.mostRecentState("time_off_requests").orElseThrow())
                .isEqualTo(Json.object().put("updated_at", lastUpdated));
        assertThat(output.states().stream().mapToDouble(s -> s.sourceStats().recordCount()).sum())
                .isEqualTo(6200.0);
    }

    @Test
    void aSecondIncrementalReadReturnsOnlyNewerTimeOffRequests() {
        Output first = harness.readAll(config, true, StateInput.empty());
        api.appendTimeOffRequests(25);
        api.requests().clear();

        Output second = harness.readAll(config, true, ConnectorHarness.stateOf(first));

        List<ObjectNode> newer = second.records("time_off_requests");
        assertThat(newer).hasSize(25);
        assertThat(ids(newer)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1001, 1025).boxed().toList());
        String since = first.mostRecentState("time_off_requests").orElseThrow().get("updated_at").asText();
        List<RecordedRequest> requests = api.requests().forPath("/time_off_requests");
        assertThat(requests).isNotEmpty()
                .allSatisfy(r -> assertThat(r.queryParameter("updated_since")).contains(since));
    }

    @Test
    void anInterruptedEmployeesReadResumesAtTheCheckpointedPageWithNoRecordMissing() {
        api.faults().once("/employees?page=8", new Fault.Status(400));
        Output interrupted = harness.readAll(config, false, StateInput.empty());

        assertThat(interrupted.exitCode()).isEqualTo(1);
        assertThat(interrupted.statuses("employees")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(interrupted.mostRecentState("employees").orElseThrow())
                .isEqualTo(Json.object().put("page", 8));
        assertThat(interrupted.errors().get(0).failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
        assertThat(interrupted.errors().get(0).message()).contains("/employees?page=8");
        assertThat(interrupted.records("employee_benefits")).hasSize(200);

        api.requests().clear();
        Output resumed = harness.readAll(config, false, ConnectorHarness.stateOf(interrupted));

        assertThat(resumed.exitCode()).isZero();
        assertThat(api.requests().forPath("/employees").get(0).queryParameter("page")).contains("8");
        Set<Integer> all = ids(interrupted.records("employees"));
        all.addAll(ids(resumed.records("employees")));
        assertThat(all).hasSize(5000);
        assertThat(interrupted.records("employees")).hasSize(700);
    }

    @Test
    void retriesRateLimitsAndServerErrorsThenSucceeds() {
        api.faults().once("/employee_benefits", new Fault.RateLimit(1));
        api.faults().once("/employee_benefits", new Fault.Status(503));
        Output output = harness.readAll(config, false, StateInput.empty());
        assertThat(output.exitCode()).isZero();
        assertThat(output.records("employee_benefits")).hasSize(200);
        assertThat(api.requests().forPath("/employee_benefits")).hasSize(3);
    }

    @Test
    void aWrongKeyIsAConfigErrorAndNoSecretLeaks() {
        Config wrong = new Config(config.json().deepCopy().put("api_key", "wrong-secret-123"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageWriter writer = new MessageWriter(bytes);
        writer.maskSecrets(dev.sluice.runner.Secrets.masker(new DemoSource().spec().connectionSpecification(), wrong));
        Output output = harness.readAll(wrong, false, StateInput.empty());
        output.messages().forEach(writer::write);
        writer.flush();

        assertThat(output.errors()).isNotEmpty();
        assertThat(output.errors().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("wrong-secret-123");
    }
}
