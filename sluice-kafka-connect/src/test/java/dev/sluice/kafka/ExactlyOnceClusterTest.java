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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly-once delivery on a real cluster of three workers ({@code exactly.once.source.support=enabled}), one of them
 * in a child JVM killed with SIGKILL mid-read, twice (a new child joins after the first is gone and takes tasks
 * again). Two connectors read the departments manifest ({@link DemoManifest#departments()}: partitions and split date
 * ranges) from a slow demo API whose requests sometimes fail (no retries, so the task reads the unit again from its
 * last checkpoint), at the same time, through the same kills: with {@code transaction.boundary=connector} a
 * {@code read_committed} consumer sees every record exactly once, each unit's windows in checkpoint order; with
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
    @Disabled("Not yet green: the last run saw 1 duplicate of 5,613 records (the last record of a monthly window of "
            + "department 1, whose requests a fault also failed); the records at a resumed cursor are not all "
            + "filtered yet. Runs in about 4 minutes on a loaded machine.")
    void aReadCommittedConsumerSeesEveryRecordOnceThroughTwoKilledWorkers() throws Exception {
        long started = System.nanoTime();
        // Started first: the victim is in the group when the connectors start, so it gets tasks at once.
        Path logs = Path.of("target", "child-workers");
        ChildWorker victim = ChildWorker.start(logs, worker, "exactly-once-1");
        Output read = ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.departments()))
                .readAll(new Config(Json.object().put("base_url", api.baseUri().toString())), true,
                        StateInput.empty());
        victim.awaitJoined(120_000);
        slowApi.faults().once("/departments/3/employees?page=2", new Fault.Status(503));
        slowApi.faults().once("/departments/5/employees?page=3", new Fault.Status(503));
        slowApi.faults().once("/departments/1/employees?page=2", new Fault.Status(500));

        connect.configureConnector("exactly", connector("exactly.", "connector"));
        connect.configureConnector("polled", connector("polled.", "poll"));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("exactly", 4, "connector did not start");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("polled", 4, "connector did not start");

        int killedAt = 0;
        for (int round = 1; round <= 2; round++) {
            try (ChildWorker running = victim) {
                // The connector under test must lose a task; the control's duplicates also come from the failed reads.
                running.awaitTasksOf(connect, 120_000, "exactly");
                Thread.sleep(2_000);
                running.kill();
            }
            killedAt = count(topics("exactly."));
            System.err.println("exactly once: worker killed (" + round + ") after " + killedAt + " committed records, "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            if (round == 1) {
                // Joins while the first victim's tasks move; the rebalance gives it tasks again.
                victim = ChildWorker.start(logs, worker, "exactly-once-2").awaitJoined(120_000);
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
            assertThat(byWindow(exactly.get("exactly." + stream))).as("%s: each window's records in order", stream)
                    .isEqualTo(byWindow(expected));
            List<JsonNode> again = polled.get("polled." + stream);
            assertThat(ids(again)).as("%s: poll boundaries lose nothing either", stream).isEqualTo(ids(expected));
            duplicates += again.size() - expected.size();
        }
        assertThat(monthsByDepartment(exactly.get("exactly." + EMPLOYEES)).values())
                .as("each department's windows in checkpoint order").allSatisfy(months ->
                        assertThat(months).isSorted());
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

    /** The records by department (or none) and month: the records of one window, in the order they came. */
    private static Map<String, List<JsonNode>> byWindow(List<JsonNode> records) {
        Map<String, List<JsonNode>> windows = new TreeMap<>();
        for (JsonNode record : records) {
            String window = record.path("department").asText() + " " + record.path("updated_at").asText("")
                    .substring(0, Math.min(7, record.path("updated_at").asText("").length()));
            windows.computeIfAbsent(window, key -> new ArrayList<>()).add(record);
        }
        return windows;
    }

    /** Each department's months, in the order its records came. */
    private static Map<String, List<String>> monthsByDepartment(List<JsonNode> employees) {
        Map<String, List<String>> months = new LinkedHashMap<>();
        for (JsonNode employee : employees) {
            months.computeIfAbsent(employee.get("department").asText(), key -> new ArrayList<>())
                    .add(employee.get("updated_at").asText().substring(0, 7));
        }
        return months;
    }

    private static Set<Integer> ids(List<JsonNode> records) {
        Set<Integer> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asInt()));
        return ids;
    }
}
