package dev.sluice.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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
