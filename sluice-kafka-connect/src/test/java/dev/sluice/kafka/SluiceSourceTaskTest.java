package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.examples.demo.api.DemoApi;
import dev.sluice.examples.demo.api.DemoApiOptions;
import dev.sluice.examples.demo.api.Fault;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task against the demo API, with a hand-written context instead of a Connect worker. */
class SluiceSourceTaskTest {

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

    private Map<String, String> settings(String manifest, String... streams) {
        Map<String, String> settings = new HashMap<>();
        settings.put(SluiceConnectorConfig.MANIFEST, manifest);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object()
                .put("base_url", api.baseUri().toString())));
        settings.put(SluiceConnectorConfig.TOPIC_PREFIX, "demo.");
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(WorkUnit.TASK_UNITS, WorkUnit.encode(java.util.Arrays.stream(streams).map(WorkUnit::whole).toList()));
        return settings;
    }

    /** Polls until the task has nothing more to give; fails the test on a non-retriable error. */
    private static List<SourceRecord> drain(SluiceSourceTask task, int expected) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        int idle = 0;
        while (idle < 3) {
            List<SourceRecord> batch;
            try {
                batch = task.poll();
            } catch (RetriableException e) {
                continue;
            }
            if (batch == null) {
                idle = records.size() >= expected ? idle + 1 : idle;
            } else {
                records.addAll(batch);
            }
        }
        return records;
    }

    @Test
    void readsItsStreamsIntoTheirTopicsWithKeysAndOffsets() throws Exception {
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context);
        task.start(settings(DemoManifest.text(), "employees", "employee_benefits"));
        List<SourceRecord> records = drain(task, 1400);
        task.stop();

        assertThat(records).filteredOn(r -> r.topic().equals("demo.employees")).hasSize(1200);
        assertThat(records).filteredOn(r -> r.topic().equals("demo.employee_benefits")).hasSize(200);
        SourceRecord first = records.get(0);
        assertThat(first.key()).isEqualTo(Map.of("id", 1));
        assertThat(first.valueSchema()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) first.value();
        assertThat(value).containsEntry("id", 1).containsKey("address");
        assertThat(first.sourcePartition()).isEqualTo(Map.of("stream", "employees"));
        SourceRecord last = records.stream().filter(r -> r.topic().equals("demo.employees")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.sourceOffset()).isEqualTo(Map.of("state", "{\"__ab_no_cursor_state_message\":true}"));
        assertThat(first.sourceOffset()).isEqualTo(Map.of("state", "{}"));
    }

    @Test
    void aFinishedFullRefreshIsNotReadAgainAfterARestart() throws Exception {
        context.offsets.put(Map.of("stream", "employee_benefits"),
                Map.of("state", "{\"__ab_no_cursor_state_message\":true}"));
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context);
        task.start(settings(DemoManifest.text(), "employee_benefits"));
        List<SourceRecord> records = drain(task, 0);
        task.stop();
        assertThat(records).isEmpty();
        assertThat(api.requests().forPath("/employee_benefits")).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriableAndTheNextPollResumesWithoutLoss() throws Exception {
        api.faults().once("/employees?page=5", new Fault.Status(503));
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context);
        task.start(settings(DemoManifest.withoutRetries(), "employees"));
        boolean sawRetriable = false;
        List<SourceRecord> records = new ArrayList<>();
        int idle = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (idle < 3) {
            assertThat(System.nanoTime()).as("1200 records within a minute; got %d", records.size())
                    .isLessThan(deadline);
            try {
                List<SourceRecord> batch = task.poll();
                if (batch == null) {
                    idle = records.size() >= 1200 ? idle + 1 : idle;
                } else {
                    records.addAll(batch);
                }
            } catch (RetriableException e) {
                sawRetriable = true;
                assertThat(e.getMessage()).contains("employees");
            }
        }
        task.stop();
        assertThat(sawRetriable).isTrue();
        Set<Object> ids = new HashSet<>();
        records.forEach(r -> ids.add(((Map<?, ?>) r.value()).get("id")));
        assertThat(ids).hasSize(1200);
    }

    @Test
    void valueSchemasGiveStructsOfTheStreamSchema() throws Exception {
        Map<String, String> settings = settings(DemoManifest.text(), "employee_benefits");
        settings.put(SluiceConnectorConfig.VALUE_SCHEMAS, "true");
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(context);
        task.start(settings);
        List<SourceRecord> records = drain(task, 200);
        task.stop();
        org.apache.kafka.connect.data.Struct value = (org.apache.kafka.connect.data.Struct) records.get(0).value();
        assertThat(value.getInt64("id")).isEqualTo(1L);
        assertThat(value.getStruct("plan").getString("name")).isNotBlank();
        assertThat(records.get(0).valueSchema().field("monthly_cost").schema().type().getName()).isEqualTo("float64");
    }

    @Test
    void configDefaultsAndErrors() {
        SluiceConnectorConfig config = new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.SOURCE_CLASS, "x.Y"));
        assertThat(config.topicFor("users")).isEqualTo("users");
        assertThat(config.valueSchemas()).isFalse();
        assertThat(config.syncIntervalMillis()).isEqualTo(300_000L);
        assertThat(config.sourceConfig().json().isEmpty()).isTrue();
        assertThatThrownBy(() -> new SluiceConnectorConfig(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.SOURCE_CLASS, "x.Y",
                SluiceConnectorConfig.SOURCE_CONFIG, "{\"api_key\": \"s3cr3t\""))).isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.SOURCE_CLASS, "x.Y",
                SluiceConnectorConfig.TOPIC_PATTERN, "all"))).isInstanceOf(ConfigException.class);
        SluiceConnectorConfig full = new SluiceConnectorConfig(Map.of(SluiceConnectorConfig.MANIFEST, "a: b\n",
                SluiceConnectorConfig.TOPIC_PREFIX, "acme.", SluiceConnectorConfig.TOPIC_PATTERN, "${prefix}raw.${stream}",
                SluiceConnectorConfig.STREAMS, "a,b", SluiceConnectorConfig.VALUE_SCHEMAS, "true"));
        assertThat(full.topicFor("users")).isEqualTo("acme.raw.users");
        assertThat(full.streams()).containsExactly("a", "b");
        assertThat(full.valueSchemas()).isTrue();
    }
}
