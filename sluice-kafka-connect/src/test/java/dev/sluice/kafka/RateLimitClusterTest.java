package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Four tasks on a real in-process cluster against an API that refuses more than {@value #API_LIMIT} calls in any
 * second: with {@code sluice.rate.limit} at 80% of it, none is refused; without it, some are (so the first test can
 * fail). The tasks' per-stream metrics are read over JMX, where Connect shows the tasks' plugin metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitClusterTest {

    /**
     * Low enough that four tasks without a limit exceed it on a loaded machine too; a share's token bucket (burst 1)
     * sends at most two requests in any second at this rate, so eight for four tasks.
     */
    private static final int API_LIMIT = 12;
    private static final int PARTS = 24;
    private static final int RECORDS = PARTS * RateLimitedApi.PAGES * RateLimitedApi.PAGE_SIZE;

    /** 24 parts of a list router (free to list: each task lists its slice itself), three pages each. */
    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckStream, stream_names: [items]}
            streams:
              - type: DeclarativeStream
                name: items
                primary_key: [id]
                schema_loader:
                  type: InlineSchemaLoader
                  schema: {type: object, properties: {id: {type: integer}, part: {type: string}}}
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config['base_url'] }}"
                    path: "/items/{{ stream_partition.part }}"
                    http_method: GET
                    error_handler:
                      type: DefaultErrorHandler
                      max_retries: 50
                      backoff_strategies:
                        - {type: ConstantBackoffStrategy, backoff_time_in_seconds: 0.2}
                  record_selector:
                    type: RecordSelector
                    extractor: {type: DpathExtractor, field_path: [data]}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy:
                      type: CursorPagination
                      cursor_value: "{{ response.next_page }}"
                      stop_condition: "{{ response.next_page is none }}"
                  partition_router:
                    type: ListPartitionRouter
                    cursor_field: part
                    values: "{{ config['parts'] }}"
            """;

    private EmbeddedConnectCluster connect;
    private RateLimitedApi api;

    @BeforeAll
    void start() {
        api = RateLimitedApi.start(API_LIMIT);
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "300");
        connect = new EmbeddedConnectCluster.Builder().name("sluice-rate").numWorkers(2).workerProps(worker).build();
        connect.start();
    }

    @AfterAll
    void stop() {
        connect.stop();
        api.close();
    }

    @BeforeEach
    void resetApi() {
        api.reset();
    }

    private Map<String, String> connector(String prefix) {
        ObjectNode config = Json.object().put("base_url", api.baseUri().toString());
        ArrayNode parts = config.putArray("parts");
        for (int i = 0; i < PARTS; i++) {
            parts.add("p" + i);
        }
        Map<String, String> props = ClusterRecords.connectorSettings(connect, prefix, List.of("items"),
                Json.write(config));
        props.put("tasks.max", "4");
        props.put(SluiceConnectorConfig.MANIFEST, MANIFEST);
        props.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");
        return props;
    }

    @Test
    void fourTasksWithinTheirSharesOfTheLimitAreNeverRefused() throws Exception {
        Map<String, String> props = connector("limited.");
        props.put(SluiceConnectorConfig.RATE_LIMIT, Double.toString(API_LIMIT * 0.8));
        connect.configureConnector("limited", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("limited", 4, "connector did not start");
        assertThat(connect.taskConfigs("limited")).allSatisfy(task -> {
            assertThat(task.config()).containsKey(TaskAssignments.TASK_SLICES);
            // The connector keeps a share for listing partitions: five shares.
            assertThat(task.config()).containsEntry(RateShare.TASK_SHARE, Double.toString(1.0 / 5));
        });

        Map<String, List<JsonNode>> consumed = ClusterRecords.consume(connect, RECORDS, "limited.items");
        assertThat(ids(consumed.get("limited.items"))).as("every item").hasSize(RECORDS);
        assertThat(api.refused()).as("calls refused with 429").isZero();
        assertThat(api.served()).isGreaterThanOrEqualTo(PARTS * RateLimitedApi.PAGES);

        Map<String, Long> metrics = streamMetrics("limited", "items");
        assertThat(metrics.get(StreamMetrics.RECORDS)).isEqualTo(RECORDS);
        assertThat(metrics.get(StreamMetrics.PAGES)).isEqualTo((long) api.served());
        assertThat(metrics.get(StreamMetrics.REQUESTS)).isEqualTo((long) api.served());
        assertThat(metrics.get(StreamMetrics.RETRIES)).isZero();
        assertThat(metrics.get(StreamMetrics.CHECKPOINT_AGE)).isBetween(0L, 120_000L);
        connect.deleteConnector("limited");
    }

    @Test
    void withoutTheLimitTheSameTasksAreRefused() throws Exception {
        Map<String, String> props = connector("unlimited.");
        connect.configureConnector("unlimited", props);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("unlimited", 4, "connector did not start");

        Map<String, List<JsonNode>> consumed = ClusterRecords.consume(connect, RECORDS, "unlimited.items");
        assertThat(ids(consumed.get("unlimited.items"))).as("every item, after retries").hasSize(RECORDS);
        System.err.println("without a limit: " + api.served() + " calls served, " + api.refused() + " refused");
        assertThat(api.refused()).as("calls refused with 429").isPositive();
        Map<String, Long> metrics = streamMetrics("unlimited", "items");
        assertThat(metrics.get(StreamMetrics.RETRIES)).isEqualTo((long) api.refused());
        connect.deleteConnector("unlimited");
    }

    /**
     * The connector's per-stream metrics over JMX, summed over its tasks: Connect registers a task's plugin metrics
     * as {@code kafka.connect:type=plugins,connector=<c>,task=<n>,stream=<s>}.
     */
    private static Map<String, Long> streamMetrics(String connector, String stream) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("kafka.connect:type=plugins,connector=" + connector
                + ",task=*,stream=" + stream), null);
        assertThat(names).as("one metrics MBean per task").hasSize(4);
        Map<String, Long> sums = new HashMap<>();
        for (String metric : List.of(StreamMetrics.RECORDS, StreamMetrics.PAGES, StreamMetrics.REQUESTS,
                StreamMetrics.RETRIES, StreamMetrics.CHECKPOINT_AGE)) {
            long sum = 0;
            long youngest = Long.MAX_VALUE;
            for (ObjectName name : names) {
                long value = ((Number) server.getAttribute(name, metric)).longValue();
                sum += value;
                youngest = value >= 0 ? Math.min(youngest, value) : youngest;
            }
            sums.put(metric, metric.equals(StreamMetrics.CHECKPOINT_AGE) ? youngest : sum);
        }
        return sums;
    }

    private static Set<Integer> ids(List<JsonNode> values) {
        Set<Integer> ids = new HashSet<>();
        values.forEach(value -> ids.add(value.get("id").asInt()));
        return ids;
    }
}
