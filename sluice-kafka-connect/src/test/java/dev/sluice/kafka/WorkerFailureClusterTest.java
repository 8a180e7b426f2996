package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.ConcurrencyLevelSpec;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * At least once through worker failures, on a cluster of three workers without exactly-once support: the departments
 * manifest's units (a partition per department, the date ranges of a split history) are read by four tasks; mid-read
 * one in-process worker is stopped cleanly and the worker in a child JVM is killed with SIGKILL. Their units move to
 * the last worker and resume from their last committed checkpoints: no record is lost, and a unit's duplicates are
 * at most what it read past its last checkpoint each time it moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerFailureClusterTest {

    private static final String DEPARTMENTS = "departments";
    private static final String EMPLOYEES = "department_employees";
    private static final String ENGINEERING = "engineering_employees";
    private static final List<String> STREAMS = List.of(DEPARTMENTS, EMPLOYEES, ENGINEERING);
    /** A stopped and a killed worker: a unit moves at most twice. */
    private static final int MOVES = 2;

    private final Map<String, String> worker = new HashMap<>();
    private EmbeddedConnectCluster connect;
    private DemoApi api;
    private DemoApi slowApi;

    @BeforeAll
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults());
        slowApi = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(400)));
        worker.put("plugin.discovery", "service_load");
        worker.put("session.timeout.ms", "6000");
        worker.put("heartbeat.interval.ms", "1000");
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        worker.put("offset.flush.interval.ms", "300");
        Properties broker = new Properties();
        broker.put("group.initial.rebalance.delay.ms", "0");
        connect = new EmbeddedConnectCluster.Builder().name("sluice-worker-failure").numWorkers(2).workerProps(worker)
                .brokerProps(broker).build();
        connect.start();
    }

    @AfterAll
    void stop() {
        connect.stop();
        api.close();
        slowApi.close();
    }

    @Test
    void aStoppedAndAKilledWorkerLoseNothingAndDuplicateAtMostACheckpointIntervalPerMove() throws Exception {
        long started = System.nanoTime();
        ChildWorker victim = ChildWorker.start(Path.of("target", "child-workers"), worker, "at-least-once");
        Output read = ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.departments()))
                .readAll(new Config(Json.object().put("base_url", api.baseUri().toString())), true,
                        StateInput.empty());
        victim.awaitJoined(120_000);
        Map<String, String> props = ClusterRecords.connectorSettings(connect, "fail.", STREAMS,
                Json.write(Json.object().put("base_url", slowApi.baseUri().toString()).put("page_size", 10)));
        props.put(SluiceConnectorConfig.MANIFEST, DemoManifest.departments());
        props.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        props.put("tasks.max", "4");
        connect.configureConnector("fail", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("fail", 4, "connector did not start");
        assertThat(connect.taskConfigs("fail")).as("partition units and ranges of a split history")
                .anySatisfy(task -> assertThat(task.config().get(WorkUnit.TASK_UNITS)).contains("\"range\""))
                .anySatisfy(task -> assertThat(task.config().get(WorkUnit.TASK_UNITS)).contains("department_id"));

        int atFailure;
        try (ChildWorker killed = victim) {
            killed.awaitTasksOf(connect, 120_000, "fail");
            Thread.sleep(2_000);
            // Counted at the moment of the first failure, from the topics' end offsets: consuming instead would wait
            // while the surviving worker goes on writing, and count the whole read.
            atFailure = writtenSoFar();
            WorkerHandle stopped = busyInProcessWorker();
            connect.removeWorker(stopped);
            killed.kill();
        }
        System.err.println("worker failure: a worker stopped and one killed after " + atFailure + " records");

        Map<String, List<JsonNode>> consumed = ClusterRecords.consume(connect, read.records().size(), topics());
        System.err.println("worker failure: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        for (String stream : STREAMS) {
            List<JsonNode> expected = read.records(stream).stream().map(node -> (JsonNode) node).toList();
            List<JsonNode> got = consumed.get("fail." + stream);
            assertThat(ids(got)).as("no %s lost", stream).isEqualTo(ids(expected));
            System.err.println("worker failure: " + stream + " " + (got.size() - expected.size()) + " duplicates");
        }
        // A unit read past its last checkpoint at most the windows in flight: the manifest reads two at a time.
        int inFlight = ConcurrencyLevelSpec.DEFAULT;
        Function<JsonNode, String> department = record -> record.get("department").asText();
        Map<String, Integer> expectedByDepartment = counts(read.records(EMPLOYEES), department);
        Map<String, Integer> largestWindow = largestWindows(read.records(EMPLOYEES));
        counts(consumed.get("fail." + EMPLOYEES), department).forEach((unit, count) ->
                assertThat(count - expectedByDepartment.get(unit)).as("duplicates of department %s", unit)
                        .isLessThanOrEqualTo(MOVES * inFlight * largestWindow.get(unit)));
        int engineeringUnits = 4;
        int engineeringWindow = largestWindows(read.records(ENGINEERING)).values().stream().mapToInt(i -> i).max()
                .orElse(0);
        assertThat(consumed.get("fail." + ENGINEERING).size() - read.records(ENGINEERING).size())
                .as("duplicates of the split history's units")
                .isLessThanOrEqualTo(MOVES * inFlight * engineeringWindow * engineeringUnits);
        assertThat(atFailure).as("the workers failed mid-read").isLessThan(read.records().size());
        deleteWhenTheGroupSettled();
        connect.addWorker();
    }

    /** An in-process worker running a task of the connector (the status API names it host:port). */
    private WorkerHandle busyInProcessWorker() {
        List<String> busy = connect.connectorStatus("fail").tasks().stream().map(task -> task.workerId()).toList();
        return connect.workers().stream()
                .filter(handle -> busy.stream().anyMatch(id -> id.endsWith(":" + handle.url().getPort())))
                .findFirst().orElseThrow(() -> new AssertionError("no in-process worker runs a task"));
    }

    private void deleteWhenTheGroupSettled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                connect.deleteConnector("fail");
                return;
            } catch (org.apache.kafka.connect.runtime.rest.errors.ConnectRestException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Records written to the connector's topics so far (at least once, so no transaction markers in the offsets). */
    private int writtenSoFar() {
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(
                Map.of("group.id", "count-" + System.nanoTime()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return Math.toIntExact(consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
        }
    }

    private static String[] topics() {
        return STREAMS.stream().map(stream -> "fail." + stream).toArray(String[]::new);
    }

    private static Map<String, Integer> counts(List<? extends JsonNode> records, Function<JsonNode, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        records.forEach(record -> counts.merge(key.apply(record), 1, Integer::sum));
        return counts;
    }

    /** Each department's largest window (a month, the manifest's step): the records of one checkpoint interval. */
    private static Map<String, Integer> largestWindows(List<? extends JsonNode> records) {
        Map<String, Integer> windows = counts(records, record -> record.get("department").asText() + " "
                + record.get("updated_at").asText().substring(0, 7));
        Map<String, Integer> largest = new TreeMap<>();
        windows.forEach((window, count) -> largest.merge(window.substring(0, window.lastIndexOf(' ')), count,
                Math::max));
        return largest;
    }

    private static java.util.Set<Integer> ids(List<JsonNode> records) {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        return ids;
    }
}
