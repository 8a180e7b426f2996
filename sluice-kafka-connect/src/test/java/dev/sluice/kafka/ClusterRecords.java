package dev.sluice.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** The record values on topics of an embedded cluster, from the earliest, as JSON. */
final class ClusterRecords {

    private ClusterRecords() {
    }

    /**
     * The settings both cluster tests start from: the connector on 2 tasks, schemaless JSON keys and values, topics
     * {@code prefix + stream}, read once; the topics are made first, so that no consumer waits for a metadata
     * refresh.
     */
    static Map<String, String> connectorSettings(EmbeddedConnectCluster connect, String prefix, List<String> streams,
            String sourceConfig) {
        for (String stream : streams) {
            connect.kafka().createTopic(prefix + stream, 1);
        }
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", SluiceSourceConnector.class.getName());
        props.put("tasks.max", "2");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("key.converter.schemas.enable", "false");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter.schemas.enable", "false");
        props.put(SluiceConnectorConfig.SOURCE_CONFIG, sourceConfig);
        props.put(SluiceConnectorConfig.TOPIC_PREFIX, prefix);
        props.put(SluiceConnectorConfig.SYNC_INTERVAL_MS, "-1");
        return props;
    }

    /**
     * Every record of the topics, by topic in topic order, once at least {@code expected} arrived and then nothing
     * for 1.5 s (so that records beyond the expected ones are seen too), or after two minutes.
     */
    static Map<String, List<JsonNode>> consume(EmbeddedConnectCluster connect, int expected, String... topics) {
        Map<String, Object> settings = Map.of("group.id", "check-" + System.nanoTime(), "auto.offset.reset", "earliest",
                "metadata.max.age.ms", "500");
        Map<String, List<JsonNode>> values = new TreeMap<>();
        for (String topic : topics) {
            values.put(topic, new ArrayList<>());
        }
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumer(settings)) {
            consumer.subscribe(List.of(topics));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int count = 0;
            int quiet = 0;
            while (System.nanoTime() < deadline && (count < expected || quiet < 3)) {
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
}
