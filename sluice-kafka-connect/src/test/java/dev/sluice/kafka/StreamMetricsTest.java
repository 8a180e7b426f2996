package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A task's per-stream metrics, read from its plugin metrics group as Connect's JMX reporter reads them. */
class StreamMetricsTest {

    private DemoApi api;
    private final FakeTaskContext context = new FakeTaskContext();

    @BeforeEach
    void start() {
        api = DemoApi.start(DemoApiOptions.defaults().withEmployeeCount(1200));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void recordsPagesRequestsRetriesAndCheckpointAgeAreCountedPerStream() throws Exception {
        api.faults().once("/employees?page=3", new Fault.Status(503));
        Map<String, String> settings = new HashMap<>();
        settings.put(SluiceConnectorConfig.MANIFEST, DemoManifest.text());
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object()
                .put("base_url", api.baseUri().toString())));
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(List.of(WorkUnit.whole("employees"),
                WorkUnit.whole("employee_benefits"))));
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context);
        task.start(settings);
        assertThat(metric(StreamMetrics.CHECKPOINT_AGE, "employee_benefits")).as("before any checkpoint")
                .isEqualTo(-1L);
        int records = drain(task);
        task.stop();

        int employeeRequests = api.requests().forPath("/employees").size();
        int benefitRequests = api.requests().forPath("/employee_benefits").size();
        assertThat(metric(StreamMetrics.RECORDS, "employees")).isEqualTo(1200L);
        assertThat(metric(StreamMetrics.RECORDS, "employee_benefits")).isEqualTo(200L);
        assertThat(records).isEqualTo(1400);
        assertThat(metric(StreamMetrics.REQUESTS, "employees")).isEqualTo((long) employeeRequests);
        assertThat(metric(StreamMetrics.RETRIES, "employees")).isEqualTo(1L);
        assertThat(metric(StreamMetrics.PAGES, "employees")).isEqualTo(employeeRequests - 1L);
        assertThat(metric(StreamMetrics.REQUESTS, "employee_benefits")).isEqualTo((long) benefitRequests);
        assertThat(metric(StreamMetrics.PAGES, "employee_benefits")).isEqualTo((long) benefitRequests);
        assertThat(metric(StreamMetrics.RETRIES, "employee_benefits")).isEqualTo(0L);
        assertThat(metric(StreamMetrics.CHECKPOINT_AGE, "employees")).isBetween(0L, 60_000L);
    }

    private long metric(String name, String stream) {
        for (Map.Entry<MetricName, KafkaMetric> entry : context.registry.metrics().entrySet()) {
            MetricName metric = entry.getKey();
            if (metric.name().equals(name) && stream.equals(metric.tags().get("stream"))) {
                return ((Number) entry.getValue().metricValue()).longValue();
            }
        }
        throw new AssertionError("no metric " + name + " of stream " + stream);
    }

    private static int drain(SluiceSourceTask task) throws InterruptedException {
        int records = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!task.drained()) {
            assertThat(System.nanoTime()).as("the task did not finish").isLessThan(deadline);
            try {
                List<SourceRecord> batch = task.poll();
                records += batch == null ? 0 : batch.size();
            } catch (RetriableException e) {
                // the next poll resumes
            }
        }
        return records;
    }
}
