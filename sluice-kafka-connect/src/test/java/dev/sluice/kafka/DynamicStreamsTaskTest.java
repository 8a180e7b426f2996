package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.Json;
import dev.sluice.testkit.MockApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streams generated from an endpoint ({@code dynamic_streams}) through the connector and a task: the connector
 * plans them like static streams, and each gets a topic of its own that Kafka accepts although its name (a sheet's
 * title) is no valid topic name.
 */
class DynamicStreamsTaskTest {

    private static final String MANIFEST = """
            version: 6.0.0
            type: DeclarativeSource
            check: {type: CheckDynamicStream, stream_count: 1}
            dynamic_streams:
              - type: DynamicDeclarativeStream
                stream_template:
                  type: DeclarativeStream
                  name: sheet
                  primary_key: id
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /placeholder}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [rows]}}
                  schema_loader: {type: InlineSchemaLoader, schema: {type: object}}
                components_resolver:
                  type: HttpComponentsResolver
                  retriever:
                    type: SimpleRetriever
                    requester: {type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /sheets}
                    record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [sheets]}}
                  components_mapping:
                    - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['title'] }}"}
                    - type: ComponentMappingDefinition
                      field_path: [retriever, requester, path]
                      value: "/sheets/{{ components_values['id'] }}"
            """;

    @RegisterExtension
    final MockApi api = new MockApi();

    @Test
    void generatedStreamsAreReadIntoValidTopicsOfTheirOwn() throws Exception {
        api.on("GET", "/sheets").json("{\"sheets\": [{\"id\": 1, \"title\": \"Q1 Budget/2024\"}, "
                + "{\"id\": 2, \"title\": \"Q1_Budget_2024\"}, {\"id\": 3, \"title\": \"team-roster\"}]}");
        api.on("GET", "/sheets/1").json("{\"rows\": [{\"id\": 1}, {\"id\": 2}]}");
        api.on("GET", "/sheets/2").json("{\"rows\": [{\"id\": 3}]}");
        api.on("GET", "/sheets/3").json("{\"rows\": [{\"id\": 4}]}");
        Map<String, String> settings = new HashMap<>();
        settings.put(SluiceConnectorConfig.MANIFEST, MANIFEST);
        settings.put(SluiceConnectorConfig.SOURCE_CONFIG, Json.write(Json.object().put("base_url", api.url())));
        settings.put(SluiceConnectorConfig.TOPIC_PREFIX, "sheets.");
        settings.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        settings.put(SluiceConnectorConfig.PARTITIONS_REFRESH_MS, "-1");

        SluiceSourceConnector connector = new SluiceSourceConnector();
        connector.initialize(new FakeConnectorContext(new FakeTaskContext()));
        connector.start(settings);
        Map<String, String> taskSettings = connector.taskConfigs(1).get(0);
        connector.stop();
        SluiceSourceTask task = new SluiceSourceTask();
        task.initialize(new FakeTaskContext());
        task.start(taskSettings);
        List<SourceRecord> records = drain(task, 4);
        task.stop();

        Map<String, Integer> perTopic = new HashMap<>();
        records.forEach(record -> perTopic.merge(record.topic(), 1, Integer::sum));
        assertThat(perTopic).hasSize(3).containsEntry("sheets.team-roster", 1);
        perTopic.keySet().forEach(Topic::validate);
        assertThat(perTopic.keySet()).filteredOn(topic -> topic.startsWith("sheets.Q1_Budget_2024_"))
                .as("the sanitized title gets a hash, so it does not collide with the title that is already valid")
                .hasSize(1);
        assertThat(perTopic).containsEntry("sheets.Q1_Budget_2024", 1);
    }

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
}
