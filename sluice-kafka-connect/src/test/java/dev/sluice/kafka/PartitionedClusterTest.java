package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.StreamState;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The departments manifest ({@link DemoManifest#departments()}) on a real in-process Kafka cluster with two Connect
 * workers and two tasks: the partitions of {@code department_employees} (one per department) and the date ranges of
 * {@code engineering_employees} are spread over both tasks, every unit commits an offset of its own, and the records
 * are exactly those {@code sluice read} prints. A task restarted mid-way loses nothing, and a second run reads from
 * each unit's committed offset exactly what {@code sluice read} reads from the same state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionedClusterTest {

    private static final String DEPARTMENTS = "departments";
    private static final String EMPLOYEES = "department_employees";
    private static final String ENGINEERING = "engineering_employees";
    private static final List<String> STREAMS = List.of(DEPARTMENTS, EMPLOYEES, ENGINEERING);

    private EmbeddedConnectCluster connect;
    private DemoApi api;
    private DemoApi slowApi;

    @BeforeAll
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults());
        slowApi = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(30)));
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "300");
        connect = new EmbeddedConnectCluster.Builder().name("sluice-partitions").numWorkers(2)
                .workerProps(worker).build();
        connect.start();
    }

    @AfterAll
    void stop() {
        connect.stop();
        api.close();
        slowApi.close();
    }

    private Map<String, String> connector(String prefix, DemoApi target) {
        Map<String, String> props = ClusterRecords.connectorSettings(connect, prefix, STREAMS,
                Json.write(config(target).json()));
        props.put(SluiceConnectorConfig.MANIFEST, DemoManifest.departments());
        props.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        return props;
    }

    private static Config config(DemoApi target) {
        return new Config(Json.object().put("base_url", target.baseUri().toString()));
    }

    /** What {@code sluice read} prints for every stream, incremental where it can be, from {@code state}. */
    private static Output read(DemoApi target, StateInput state) {
        return ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.departments()))
                .readAll(config(target), true, state);
    }

    private static String[] topics(String prefix) {
        return STREAMS.stream().map(stream -> prefix + stream).toArray(String[]::new);
    }

    @Test
    void twoTasksOnTwoWorkersReadTheUnitsOfEachStreamExactlyAsReadDoes() throws InterruptedException {
        Output read = read(api, StateInput.empty());
        connect.configureConnector("parts", connector("parts.", api));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("parts", 2, "connector did not start");
        Set<String> workers = new HashSet<>();
        connect.connectorStatus("parts").tasks().forEach(task -> workers.add(task.workerId()));
        assertThat(workers).as("tasks spread over both workers").hasSize(2);

        List<List<WorkUnit>> assigned = connect.taskConfigs("parts").stream()
                .map(task -> WorkUnit.decode(task.config().get(WorkUnit.TASK_UNITS))).toList();
        assertThat(assigned).as("each task has half the partitions and one part of the split history").hasSize(2)
                .allSatisfy(units -> {
                    assertThat(units).filteredOn(unit -> unit.stream().equals(EMPLOYEES)).hasSize(4);
                    assertThat(units).filteredOn(unit -> unit.stream().equals(ENGINEERING)).hasSize(1);
                });
        Set<Map<String, String>> sourcePartitions = new HashSet<>();
        assigned.forEach(units -> units.forEach(unit -> sourcePartitions.add(unit.sourcePartition())));
        assertThat(sourcePartitions).as("every unit once").hasSize(11);

        Map<String, List<JsonNode>> consumed = ClusterRecords.consume(connect, read.records().size(), topics("parts."));

        for (String stream : STREAMS) {
            assertThat(consumed.get("parts." + stream)).as(stream)
                    .containsExactlyInAnyOrderElementsOf(read.records(stream));
        }
        assertThat(byWindow(consumed.get("parts." + EMPLOYEES))).as("the records of each request in order")
                .isEqualTo(byWindow(read.records(EMPLOYEES)));
        Map<Map<String, ?>, Map<String, ?>> offsets = committed("parts", sourcePartitions.size());
        assertThat(offsets.keySet()).as("an offset per unit").containsExactlyInAnyOrderElementsOf(sourcePartitions);
        assertThat(offsets.values()).as("each found again by the offsets REST API").doesNotContainNull();
        JsonNode third = state(offsets.get(Map.of("stream", EMPLOYEES, "partition",
                "{\"department_id\":3,\"parent_slice\":{}}")));
        assertThat(third.get("states")).as("the state of department 3 alone").hasSize(1);
        assertThat(third.get("states").get(0).get("partition")).isEqualTo(Json.object().put("department_id", 3)
                .set("parent_slice", Json.object()));
        connect.deleteConnector("parts");
    }

    @Test
    void aTaskRestartedMidwayLosesNothingAndASecondRunReadsOnlyFromEachUnitsOffset() throws InterruptedException {
        // The same seed gives both APIs the same data; the fast one answers sluice read.
        Output whole = read(api, StateInput.empty());
        connect.configureConnector("again", connector("again.", slowApi));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("again", 2, "connector did not start");
        connect.kafka().consume(1_000, 60_000, Map.of("group.id", "wait", "auto.offset.reset", "earliest"),
                "again." + EMPLOYEES);
        connect.restartTask("again", 0);

        Map<String, List<JsonNode>> first = ClusterRecords.consume(connect, whole.records().size(), topics("again."));
        for (String stream : STREAMS) {
            assertThat(ids(first.get("again." + stream))).as("no %s lost", stream)
                    .isEqualTo(ids(whole.records(stream)));
        }
        int records = first.values().stream().mapToInt(List::size).sum();
        System.err.println("restart: " + records + " records, " + (records - whole.records().size()) + " duplicates");
        connect.stopConnector("again");
        connect.assertions().assertConnectorIsStopped("again", "connector did not stop");
        Map<String, List<JsonNode>> before = ClusterRecords.consume(connect, 0, topics("again."));
        Output next = read(api, stateOf(committed("again", 11)));
        System.err.println("second run: " + next.records(EMPLOYEES).size() + " + " + next.records(ENGINEERING).size()
                + " records at the cursors");
        assertThat(next.records(EMPLOYEES)).as("at most the records at each department's cursor").hasSizeLessThan(16);

        connect.resumeConnector("again");
        int total = before.values().stream().mapToInt(List::size).sum() + next.records(EMPLOYEES).size()
                + next.records(ENGINEERING).size();
        Map<String, List<JsonNode>> after = ClusterRecords.consume(connect, total, topics("again."));

        assertThat(added(before, after, DEPARTMENTS)).as("a finished full refresh is not read again").isEmpty();
        assertThat(added(before, after, EMPLOYEES)).containsExactlyInAnyOrderElementsOf(next.records(EMPLOYEES));
        assertThat(added(before, after, ENGINEERING)).containsExactlyInAnyOrderElementsOf(next.records(ENGINEERING));
        connect.deleteConnector("again");
    }

    /**
     * The employees by department and month: by partition and window (a month, from the manifest's {@code step}).
     * Windows are read concurrently, by {@code sluice read} too, so only the order inside one is fixed.
     */
    private static Map<String, List<JsonNode>> byWindow(List<? extends JsonNode> employees) {
        Map<String, List<JsonNode>> windows = new TreeMap<>();
        for (JsonNode employee : employees) {
            String window = employee.get("department").asText() + " " + employee.get("updated_at").asText()
                    .substring(0, 7);
            windows.computeIfAbsent(window, key -> new ArrayList<>()).add(employee);
        }
        return windows;
    }

    private static Set<Integer> ids(List<? extends JsonNode> records) {
        Set<Integer> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        return ids;
    }

    private static List<JsonNode> added(Map<String, List<JsonNode>> before, Map<String, List<JsonNode>> after,
            String stream) {
        List<JsonNode> all = after.get("again." + stream);
        return all.subList(before.get("again." + stream).size(), all.size());
    }

    /** The connector's committed offsets, once there are {@code count} (they are committed in the background). */
    private Map<Map<String, ?>, Map<String, ?>> committed(String name, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<Map<String, ?>, Map<String, ?>> offsets = connect.connectorOffsets(name).toMap();
        while (offsets.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            offsets = connect.connectorOffsets(name).toMap();
        }
        return offsets;
    }

    private static JsonNode state(Map<String, ?> offset) {
        try {
            return Json.parse((String) offset.get("state"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The state {@code sluice read} would resume from: the department partitions' states as one per-partition state,
     * and the state of what follows engineering_employees' split ranges (the ranges themselves are finished).
     */
    private static StateInput stateOf(Map<Map<String, ?>, Map<String, ?>> offsets) {
        ObjectNode departments = Json.object().put("use_global_cursor", false);
        ArrayNode states = departments.putArray("states");
        JsonNode engineering = null;
        for (Map.Entry<Map<String, ?>, Map<String, ?>> offset : offsets.entrySet()) {
            Map<String, ?> partition = offset.getKey();
            if (partition.get("stream").equals(EMPLOYEES)) {
                states.addAll((ArrayNode) state(offset.getValue()).get("states"));
            } else if (partition.equals(Map.of("stream", ENGINEERING))) {
                engineering = state(offset.getValue());
            } else if (partition.get("stream").equals(ENGINEERING)) {
                assertThat(offset.getValue().get("complete")).as("range %s read to its end", partition).isEqualTo(true);
            }
        }
        assertThat(states).hasSize(8);
        assertThat(engineering).isNotNull();
        Map<StreamDescriptor, StreamState> streams = new HashMap<>();
        streams.put(new StreamDescriptor(EMPLOYEES, null), StreamState.of(departments));
        streams.put(new StreamDescriptor(ENGINEERING, null), StreamState.of(engineering));
        return new StateInput(streams);
    }
}
