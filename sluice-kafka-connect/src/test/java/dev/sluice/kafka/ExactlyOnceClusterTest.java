package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly-once delivery on a real cluster of four workers ({@code exactly.once.source.support=enabled}), two of them
 * in child JVMs killed with SIGKILL mid-read, one after the other. Two connectors read the departments manifest
 * ({@link DemoManifest#departments()}: partitions and split date ranges) from a slow demo API whose requests sometimes
 * fail (no retries, so the task reads the unit again from its last checkpoint), at the same time, through the same
 * kills: with {@code transaction.boundary=connector} a
 * {@code read_committed} consumer sees every record exactly once, each department's in checkpoint order; with
 * {@code transaction.boundary=poll}, which commits records past the last checkpoint, it sees duplicates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceClusterTest {

    private static final String DEPARTMENTS = "departments";
    private static final String EMPLOYEES = "department_employees";
    private static final String ENGINEERING = "engineering_employees";
    private static final List<String> STREAMS = List.of(DEPARTMENTS, EMPLOYEES, ENGINEERING);

    private final Map<String, String> worker = new HashMap<>();
    private EmbeddedConnectCluster connect;
    private DemoApi api;
    private DemoApi slowApi;

    @BeforeAll
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults());
        slowApi = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(400)));
        worker.put("plugin.discovery", "service_load");
        worker.put("exactly.once.source.support", "enabled");
        // A killed worker leaves the group after the session timeout (the broker's minimum), and its tasks move
        // after the scheduled rebalance delay.
        worker.put("session.timeout.ms", "6000");
        worker.put("heartbeat.interval.ms", "1000");
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        worker.put("offset.flush.interval.ms", "300");
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        connect = new EmbeddedConnectCluster.Builder().name("sluice-exactly-once").numWorkers(2).workerProps(worker)
                .brokerProps(broker).build();
        connect.start();
    }

    @AfterAll
    void stop() {
        connect.stop();
        api.close();
        slowApi.close();
    }

    private Map<String, String> connector(String prefix, String boundary) {
        Map<String, String> props = ClusterRecords.connectorSettings(connect, prefix, STREAMS,
                Json.write(Json.object().put("base_url", slowApi.baseUri().toString()).put("page_size", 10)));
        props.put(SluiceConnectorConfig.MANIFEST, DemoManifest.withoutRetries(DemoManifest.departments()));
        props.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        props.put("tasks.max", "4");
        props.put("transaction.boundary", boundary);
        return props;
    }

    @Test
    void aReadCommittedConsumerSeesEveryRecordOnceThroughTwoKilledWorkers() throws Exception {
        int killedAt = 0;
        long started = System.nanoTime();
        // Both victims are in the group before the connectors start. The connector under test starts alone, so that
        // its four tasks are spread over the four workers: each victim runs one (a worker joining later, or tasks
        // assigned together with the control's, may get none of them).
        Path logs = Path.of("target", "child-workers");
        List<ChildWorker> victims = new ArrayList<>();
        Output read = ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.departments()))
                .readAll(new Config(Json.object().put("base_url", api.baseUri().toString())), true,
                        StateInput.empty());
        try {
            victims.add(ChildWorker.start(logs, worker, "exactly-once-1"));
            victims.add(ChildWorker.start(logs, worker, "exactly-once-2"));
            for (ChildWorker victim : victims) {
                victim.awaitJoined(120_000);
            }
            slowApi.faults().once("/departments/3/employees?page=2", new Fault.Status(503));
            slowApi.faults().once("/departments/5/employees?page=3", new Fault.Status(503));
            slowApi.faults().once("/departments/1/employees?page=2", new Fault.Status(500));

            connect.configureConnector("exactly", connector("exactly.", "connector"));
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("exactly", 4, "connector did not start");
            connect.configureConnector("polled", connector("polled.", "poll"));
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("polled", 4, "connector did not start");

            int round = 0;
            for (ChildWorker victim : victims) {
                round++;
                victim.awaitTasksOf(connect, 120_000, "exactly");
                if (round > 1) {
                    // The first victim's tasks run elsewhere (perhaps here) before the second is killed.
                    awaitMoved(victims.get(round - 2));
                }
                // Killed once its tasks committed checkpoints, so that they resume from them (not from the start).
                awaitCommitted(killedAt + read.records().size() / 10, topics("exactly."));
                victim.kill();
                killedAt = count(topics("exactly."));
                System.err.println("exactly once: worker killed (" + round + ") after " + killedAt
                        + " committed records, " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            }
        } finally {
            for (ChildWorker victim : victims) {
                victim.close();
            }
        }

        Map<String, List<JsonNode>> exactly = consumeCommitted(read.records().size(), topics("exactly."));
        Map<String, List<JsonNode>> polled = consumeCommitted(read.records().size(), topics("polled."));
        System.err.println("exactly once: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");

        int duplicates = 0;
        for (String stream : STREAMS) {
            List<JsonNode> expected = read.records(stream).stream().map(node -> (JsonNode) node).toList();
            assertThat(exactly.get("exactly." + stream)).as("%s exactly once", stream)
                    .containsExactlyInAnyOrderElementsOf(expected);
            List<JsonNode> again = polled.get("polled." + stream);
            assertThat(ids(again)).as("%s: poll boundaries lose nothing either", stream).isEqualTo(ids(expected));
            duplicates += again.size() - expected.size();
        }
        assertThat(outOfCheckpointOrder(exactly.get("exactly." + EMPLOYEES))).as("each department's records in "
                + "checkpoint order").isEmpty();
        System.err.println("poll boundaries: " + duplicates + " duplicates");
        assertThat(duplicates).as("poll boundaries commit records past the last checkpoint, written again")
                .isPositive();
        assertThat(killedAt).as("the second kill came mid-read").isLessThan(read.records().size());
        connect.deleteConnector("exactly");
        connect.deleteConnector("polled");
    }

    private static String[] topics(String prefix) {
        return STREAMS.stream().map(stream -> prefix + stream).toArray(String[]::new);
    }

    /** Waits until no task of the connector under test is left on the killed worker, and all four run. */
    private void awaitMoved(ChildWorker killed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (killed.runsATaskOf(connect, "exactly")) {
            assertThat(System.nanoTime()).as("the killed worker's tasks moved in time").isLessThan(deadline);
            Thread.sleep(500);
        }
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("exactly", 4, "tasks did not move");
    }

    /** Waits until at least {@code records} records of the topics are committed (three minutes at most). */
    private void awaitCommitted(int records, String... topics) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (count(topics) < records) {
            assertThat(System.nanoTime()).as("%s records committed in time", records).isLessThan(deadline);
            Thread.sleep(1_000);
        }
    }

    private int count(String... topics) {
        return consume(0, 2, topics).values().stream().mapToInt(List::size).sum();
    }

    private Map<String, List<JsonNode>> consumeCommitted(int expected, String... topics) {
        return consume(expected, 4, topics);
    }

    /**
     * The committed records of the topics ({@code read_committed}), once at least {@code expected} arrived and then
     * nothing for {@code quietPolls} half-second polls, or after three minutes.
     */
    private Map<String, List<JsonNode>> consume(int expected, int quietPolls, String... topics) {
        Map<String, Object> settings = Map.of("group.id", "check-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed");
        Map<String, List<JsonNode>> values = new TreeMap<>();
        for (String topic : topics) {
            values.put(topic, new ArrayList<>());
        }
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(settings)) {
            consumer.subscribe(List.of(topics));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int count = 0;
            int quiet = 0;
            while (System.nanoTime() < deadline && (count < expected || quiet < quietPolls)) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                quiet = batch.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    values.get(record.topic()).add(parse(record.value()));
                    count++;
                }
            }
        }
        return values;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The records of each department (a unit) that came after a record both newer and of a greater id. A unit is read
     * in windows of a month, one after another, each in the order of ids: a record after another is newer, or of the
     * same window and so of a greater id. (The windows of a read resumed from a checkpoint start at its cursor value,
     * not at the start of a month: calendar months are not the windows.)
     */
    private static List<String> outOfCheckpointOrder(List<JsonNode> employees) {
        Map<String, List<JsonNode>> byDepartment = new LinkedHashMap<>();
        for (JsonNode employee : employees) {
            byDepartment.computeIfAbsent(employee.get("department").asText(), key -> new ArrayList<>()).add(employee);
        }
        List<String> late = new ArrayList<>();
        for (List<JsonNode> records : byDepartment.values()) {
            for (int later = 1; later < records.size(); later++) {
                JsonNode record = records.get(later);
                for (int earlier = 0; earlier < later; earlier++) {
                    JsonNode before = records.get(earlier);
                    if (before.get("updated_at").asText().compareTo(record.get("updated_at").asText()) > 0
                            && before.get("id").asInt() > record.get("id").asInt()) {
                        late.add(record.get("id") + " after " + before.get("id"));
                        break;
                    }
                }
            }
        }
        return late;
    }

    private static Set<Integer> ids(List<JsonNode> records) {
        Set<Integer> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        return ids;
    }
}
