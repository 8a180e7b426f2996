package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.examples.demo.DemoSource;
import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.protocol.Json;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The connector on a real in-process Kafka cluster with two Connect workers, against the demo API: records match
 * {@code sluice read} exactly; a connector stopped mid-way and resumed, and a worker removed mid-way, leave no gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectClusterTest {

    private EmbeddedConnectCluster connect;
    private DemoApi api;
    private DemoApi slowApi;

    @BeforeAll
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults());
        slowApi = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(40)));
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "300");
        worker.put("scheduled.rebalance.max.delay.ms", "1000");
        connect = (EmbeddedConnectCluster) new EmbeddedConnectCluster.Builder().name("sluice-connect").numWorkers(2)
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
        return ClusterRecords.connectorSettings(connect, prefix,
                List.of("employees", "employee_benefits", "time_off_requests"),
                Json.write(Json.object().put("base_url", target.baseUri().toString())));
    }

    private Map<String, List<JsonNode>> consume(int expected, String... topics) {
        return ClusterRecords.consume(connect, expected, topics);
    }

    @Test
    void twoTasksOnTwoWorkersProduceExactlyWhatReadPrints() throws Exception {
        Map<String, String> props = connector("same.", api);
        props.put(SluiceConnectorConfig.MANIFEST, DemoManifest.text());
        connect.configureConnector("same", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("same", 2, "connector did not start");
        ConnectorStateInfo status = connect.connectorStatus("same");
        Set<String> workers = new HashSet<>();
        status.tasks().forEach(task -> workers.add(task.workerId()));
        assertThat(workers).as("tasks spread over both workers").hasSize(2);

        Map<String, List<JsonNode>> consumed = consume(6200, "same.employees", "same.employee_benefits",
                "same.time_off_requests");
        connect.deleteConnector("same");

        Config config = new Config(Json.object().put("base_url", api.baseUri().toString()));
        Output read = ConnectorHarness.of(ManifestSources.fromYaml(DemoManifest.text()))
                .readAll(config, false, StateInput.empty());
        for (String stream : List.of("employees", "employee_benefits", "time_off_requests")) {
            List<JsonNode> expected = new ArrayList<>(read.records(stream));
            assertThat(consumed.get("same." + stream)).as(stream).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aConnectorStoppedMidwayAndResumedLeavesNoGap() throws Exception {
        Map<String, String> props = connector("restart.", slowApi);
        props.put(SluiceConnectorConfig.SOURCE_CLASS, DemoSource.class.getName());
        props.put(SluiceConnectorConfig.STREAMS, "employees");
        connect.configureConnector("restart", props);
        connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("restart", 1, "connector did not start");
        waitForRecords("restart.employees", 1_500);
        connect.stopConnector("restart");
        connect.assertions().assertConnectorIsStopped("restart", "connector did not stop");
        int requestsBefore = slowApi.requests().forPath("/employees").size();
        connect.resumeConnector("restart");

        Map<String, List<JsonNode>> consumed = consume(5_000, "restart.employees");
        connect.deleteConnector("restart");
        report("restart", consumed.get("restart.employees"));
        assertThat(slowApi.requests().forPath("/employees").size() - requestsBefore)
                .as("the resumed read starts at a checkpointed page, not page 1").isLessThan(50);
    }

    @Test
    void aWorkerRemovedMidwayLeavesNoGap() throws Exception {
        Map<String, String> props = connector("failover.", slowApi);
        props.put(SluiceConnectorConfig.SOURCE_CLASS, DemoSource.class.getName());
        connect.configureConnector("failover", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("failover", 2, "connector did not start");
        waitForRecords("failover.employees", 1_000);
        // The worker running the task that reads employees goes away mid-read.
        int employeesTask = connect.taskConfigs("failover").stream()
                .filter(task -> task.config().get(WorkUnit.TASK_UNITS).contains("\"employees\""))
                .mapToInt(task -> task.id().task()).findFirst().orElseThrow();
        String busyWorker = connect.connectorStatus("failover").tasks().stream()
                .filter(task -> task.id() == employeesTask).findFirst().orElseThrow().workerId();
        WorkerHandle victim = connect.workers().stream()
                .filter(worker -> busyWorker.endsWith(":" + worker.url().getPort()))
                .findFirst().orElseThrow();
        connect.removeWorker(victim);

        Map<String, List<JsonNode>> consumed = consume(6_200, "failover.employees", "failover.employee_benefits",
                "failover.time_off_requests");
        report("failover", consumed.get("failover.employees"));
        assertThat(ids(consumed.get("failover.employee_benefits"))).hasSize(200);
        assertThat(ids(consumed.get("failover.time_off_requests"))).hasSize(1000);
        connect.addWorker();
        connect.assertions().assertExactlyNumWorkersAreUp(2, "the cluster did not recover its second worker");
        deleteWhenTheGroupSettled("failover");
    }

    /** After a worker left, requests may be forwarded to it until the group rebalanced; retry for a while. */
    private void deleteWhenTheGroupSettled(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                connect.deleteConnector(name);
                return;
            } catch (org.apache.kafka.connect.runtime.rest.errors.ConnectRestException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private void waitForRecords(String topic, int count) {
        Map<String, Object> settings = Map.of("group.id", "wait-" + System.nanoTime(), "auto.offset.reset", "earliest");
        connect.kafka().consume(count, 60_000, settings, topic);
    }

    private static Set<Integer> ids(List<JsonNode> values) {
        Set<Integer> ids = new HashSet<>();
        values.forEach(value -> ids.add(value.get("id").asInt()));
        return ids;
    }

    /** Every employee arrived (no gap); duplicates are allowed by at-least-once and reported. */
    private static void report(String scenario, List<JsonNode> employees) {
        Set<Integer> ids = ids(employees);
        System.err.println(scenario + ": " + employees.size() + " records, " + ids.size() + " distinct, "
                + (employees.size() - ids.size()) + " duplicates");
        assertThat(ids).as(scenario + ": every employee arrived").hasSize(5_000);
    }

}
