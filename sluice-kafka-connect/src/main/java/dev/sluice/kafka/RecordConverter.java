package dev.sluice.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.PrimaryKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * One stream's records as Kafka records: the key is the primary key ({@code {"id": 7}}, null without one), the
 * value the record exactly as {@code sluice read} prints its {@code data} (top-level nulls dropped) — a schemaless
 * map by default, a Struct when value schemas are enabled — and the timestamp its extraction time.
 */
final class RecordConverter {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final String topic;
    private final PrimaryKey primaryKey;
    private final @Nullable Schema valueSchema;

    RecordConverter(String topic, PrimaryKey primaryKey, @Nullable Schema valueSchema) {
        this.topic = topic;
        this.primaryKey = primaryKey;
        this.valueSchema = valueSchema;
    }

    /** The record of a unit ({@code sourcePartition}) that resumes from {@code offset}. */
    SourceRecord convert(ObjectNode data, Map<String, ?> sourcePartition, Map<String, ?> offset, long emittedAt) {
        ObjectNode printed = withoutTopLevelNulls(data);
        Object value = valueSchema == null ? Json.MAPPER.convertValue(printed, MAP)
                : SchemaConverter.value(printed, valueSchema);
        return new SourceRecord(sourcePartition, offset, topic, null, null, key(printed), valueSchema, value,
                emittedAt);
    }

    /** The same record with a later resume point (the checkpoint that arrived right after it). */
    static SourceRecord withOffset(SourceRecord record, Map<String, ?> offset) {
        return new SourceRecord(record.sourcePartition(), offset, record.topic(),
                record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(), record.value(),
                record.timestamp());
    }

    private @Nullable Map<String, Object> key(ObjectNode data) {
        if (primaryKey.isEmpty()) {
            return null;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (List<String> path : primaryKey.paths()) {
            JsonNode node = data;
            for (String part : path) {
                node = node.path(part);
            }
            key.put(String.join(".", path), node.isMissingNode() || node.isNull() ? null
                    : Json.MAPPER.convertValue(node, Object.class));
        }
        return key;
    }

    private static ObjectNode withoutTopLevelNulls(ObjectNode data) {
        boolean hasNull = false;
        for (Iterator<JsonNode> values = data.elements(); values.hasNext(); ) {
            if (values.next().isNull()) {
                hasNull = true;
                break;
            }
        }
        if (!hasNull) {
            return data;
        }
        ObjectNode copy = Json.object();
        data.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }
}
