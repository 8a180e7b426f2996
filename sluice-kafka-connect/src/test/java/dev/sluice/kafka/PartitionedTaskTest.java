package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.examples.demo.api.RecordedRequest;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector and its tasks, with hand-written contexts, over the demo API's departments: one unit per partition
 * and per date range, each with its own offset; a restart resumes every unit from its committed offset.
 */
class PartitionedTaskTest {

    private static final String EMPLOYEES = "department_employees";
    private static final String ENGINEERING = "engineering_employees";

    private DemoApi api;
    private final FakeTaskContext context = new FakeTaskContext();
    private final FakeConnectorContext connectorContext = new FakeConnectorContext(context);
    private final List<SluiceSourceTask> running = new ArrayList<>();

    @BeforeEach
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(600));
    }

    @AfterEach
    void stop() {
        running.forEach(SluiceSourceTask::stop);
        api.close();
    }

    private Map<String, String> settings(String manifest) {
        Map<String, String> settings = new HashMap<>();
        settings.put("name", "test");
        settings.put("tasks.max", "2");
        settings.put(SluiceConnectorConfig.MANIFEST, manifest);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object()
                .put("base_url", api.baseUri().toString())));
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        return settings;
    }

    private SluiceSourceConnector connector(String manifest) {
        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(connectorContext);
        connector.start(settings(manifest));
        return connector;
    }

    /** Runs every task of the connector to the end; commits every record's offset, as Connect does once acked. */
    private List<SourceRecord> runAll(SluiceSourceConnector connector) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (Map<String, String> config : connector.taskConfigs(2)) {
            SluiceSourceTask task = new SluiceSourceTask();
            task.initialize(context);
            task.start(config);
            running.add(task);
            records.addAll(drain(task));
        }
        records.forEach(record -> context.offsets.put(record.sourcePartition(), copy(record.sourceOffset())));
        return records;
    }

    private static Map<String, Object> copy(Map<String, ?> offset) {
        return new HashMap<>(offset);
    }

    /** Polls until the task read every unit to its end (a minute at most). */
    private static List<SourceRecord> drain(SluiceSourceTask task) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!task.drained()) {
            assertThat(System.nanoTime()).as("the task did not finish").isLessThan(deadline);
            try {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    records.addAll(batch);
                }
            } catch (RetriableException e) {
                // the next poll resumes
            }
        }
        return records;
    }

    private static List<SourceRecord> of(List<SourceRecord> records, String stream) {
        return records.stream().filter(record -> record.sourcePartition().get("stream").equals(stream)).toList();
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::value).toList();
    }

    @Test
    void twoTasksReadThePartitionsAndRangesOfOneStreamExactlyAsReadDoes() throws Exception {
        SluiceSourceConnector connector = connector(DemoManifest.departments());
        List<Map<String, String>> configs = connector.taskConfigs(2);
        assertThat(configs).hasSize(2).allSatisfy(config ->
                assertThat(config.get(WorkUnit.TASK_UNITS)).contains(EMPLOYEES, ENGINEERING));

        List<SourceRecord> records = runAll(connector);

        Output read = ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.departments()))
                .readAll(new Config(Json.object().put("base_url", api.baseUri().toString())), true,
                        StateInput.empty());
        for (String stream : List.of("departments", EMPLOYEES, ENGINEERING)) {
            List<Object> expected = read.records(stream).stream()
                    .map(record -> (Object) Json.MAPPER.convertValue(record, Map.class)).toList();
            assertThat(values(of(records, stream))).as(stream).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(of(records, EMPLOYEES)).hasSize(600).allSatisfy(record -> {
            String partition = (String) record.sourcePartition().get("partition");
            String department = ((Map<?, ?>) record.value()).get("department").toString();
            assertThat(partition).startsWith("{\"department_id\":").endsWith(",\"parent_slice\":{}}");
            assertThat(department).isEqualTo(List.of("Engineering", "Finance", "Marketing", "Operations", "People",
                    "Sales", "Support", "Legal").get(Integer.parseInt(partition.replaceAll("\\D", "")) - 1));
        });
        JsonNode third = Json.parse((String) context.offsets.get(Map.of("stream", EMPLOYEES, "partition",
                "{\"department_id\":3,\"parent_slice\":{}}")).get("state"));
        assertThat(third.get("states")).as("the state of department 3 alone").hasSize(1);
        assertThat(third.get("states").get(0).get("partition").toString())
                .isEqualTo("{\"department_id\":3,\"parent_slice\":{}}");
        assertThat(context.offsets.get(Map.of("stream", ENGINEERING, "range", "0"))).containsEntry("complete", true)
                .containsKey("split");
        assertThat(context.offsets.get(Map.of("stream", ENGINEERING))).doesNotContainKey("complete")
                .containsKey("split");
    }

    @Test
    void aRestartResumesEveryUnitFromItsOwnOffsetAndSkipsFinishedRanges() throws Exception {
        List<SourceRecord> first = runAll(connector(DemoManifest.departments()));
        int requests = api.requests().size();
        api.requests().clear();

        List<SourceRecord> again = runAll(connector(DemoManifest.departments()));

        assertThat(of(again, ENGINEERING)).as("the finished range is not read again; the rest from its state")
                .allSatisfy(record -> assertThat(((Map<?, ?>) record.value()).get("updated_at").toString())
                        .isGreaterThanOrEqualTo("2024-07-02"));
        assertThat(api.requests().forPath("/departments/1/employees")).as("no request inside the finished range")
                .allSatisfy(request -> assertThat(request.queryParameter("updated_from").orElseThrow())
                        .isGreaterThanOrEqualTo("2024-07-02"));
        assertThat(api.requests().size()).as("each partition resumes at its cursor").isLessThan(requests / 4);
        assertThat(of(again, EMPLOYEES).size()).as("at most the records at each partition's cursor again")
                .isLessThanOrEqualTo(8);
        assertThat(first).isNotEmpty();
    }

    @Test
    void aRangeOffsetOfAnotherSplitIsNotTrusted() throws Exception {
        context.offsets.put(Map.of("stream", ENGINEERING, "range", "0"), Map.of("state",
                "{\"updated_at\": \"2024-06-30T00:00:00Z\"}", "split", "{\"ranges\": [], \"rest\": {}}",
                "complete", true));

        List<SourceRecord> records = runAll(connector(DemoManifest.departments()));

        List<String> froms = api.requests().forPath("/departments/1/employees").stream()
                .map(request -> request.queryParameter("updated_from").orElseThrow()).toList();
        assertThat(froms).contains("2024-01-01T00:00:00Z");
        assertThat(ids(of(records, ENGINEERING))).hasSize(values(of(records, ENGINEERING)).size());
    }

    @Test
    void newPartitionsAreListedAndTheTasksReconfigured() {
        api.listDepartments(6);
        SluiceSourceConnector connector = connector(DemoManifest.departments());
        assertThat(String.join("", connector.taskConfigs(2).stream().map(c -> c.get(WorkUnit.TASK_UNITS)).toList()))
                .contains("\\\"department_id\\\":6").doesNotContain("\\\"department_id\\\":7");

        assertThat(connector.refreshPartitions()).isFalse();
        api.listDepartments(8);
        assertThat(connector.refreshPartitions()).isTrue();

        assertThat(connectorContext.reconfigurations).isEqualTo(1);
        assertThat(String.join("", connector.taskConfigs(2).stream().map(c -> c.get(WorkUnit.TASK_UNITS)).toList()))
                .contains("\\\"department_id\\\":7", "\\\"department_id\\\":8");
        connector.stop();
    }

    @Test
    void aTransientFailureListingPartitionsLeavesThemForLater() {
        api.faults().once("/departments", new Fault.Status(503));
        SluiceSourceConnector connector = connector(DemoManifest.withoutRetries(DemoManifest.departments()));

        assertThat(connector.taskConfigs(2)).allSatisfy(config ->
                assertThat(config.get(WorkUnit.TASK_UNITS)).doesNotContain(EMPLOYEES));
        assertThat(connector.refreshPartitions()).isTrue();
        assertThat(String.join("", connector.taskConfigs(2).stream().map(c -> c.get(WorkUnit.TASK_UNITS)).toList()))
                .contains(EMPLOYEES);
        connector.stop();
    }

    private static Set<Object> ids(List<SourceRecord> records) {
        Set<Object> ids = new HashSet<>();
        records.forEach(record -> ids.add(((Map<?, ?>) record.value()).get("id")));
        return ids;
    }

    @SuppressWarnings("unused")
    private static String from(RecordedRequest request) {
        return request.queryParameter("updated_from").orElse("");
    }
}
