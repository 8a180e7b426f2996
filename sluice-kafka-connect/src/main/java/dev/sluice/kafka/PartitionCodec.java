package dev.sluice.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.RouterPartition;
import dev.sluice.source.StreamPartition;

/**
 * A {@link StreamPartition} as JSON: the one place that knows the format tasks are given their units in and every
 * offset of a split history stores its ranges in ({@link Splits}), so it stays as earlier versions wrote it:
 * <pre>{@code
 * {"key": "<key>", "descriptor": {"partition": {...}, "extra_fields": {...}}, "bounded": false}   a router partition
 * {"key": "<key>", "descriptor": {"range": {"start": "...", "end": "..."}}, "bounded": true}    a range of a history
 * }</pre>
 * A descriptor is read by its kind's field, a range first, as earlier versions read it; {@code key} and
 * {@code bounded} follow from the kind of a range, and a router partition's key is kept as stored.
 */
final class PartitionCodec {

    private static final String KEY = "key";
    private static final String DESCRIPTOR = "descriptor";
    private static final String BOUNDED = "bounded";
    private static final String PARTITION = "partition";
    private static final String EXTRA_FIELDS = "extra_fields";
    private static final String RANGE = "range";
    private static final String START = "start";
    private static final String END = "end";

    private PartitionCodec() {
    }

    static ObjectNode encode(StreamPartition partition) {
        ObjectNode node = Json.object().put(KEY, partition.key());
        node.set(DESCRIPTOR, descriptor(partition));
        return node.put(BOUNDED, partition.bounded());
    }

    /** @throws IllegalArgumentException for JSON that is not a partition of a known kind */
    static StreamPartition decode(JsonNode node) {
        JsonNode descriptor = node.get(DESCRIPTOR);
        if (!node.path(KEY).isTextual() || !(descriptor instanceof ObjectNode)) {
            throw new IllegalArgumentException("a partition needs a key and a descriptor: " + node);
        }
        if (descriptor.get(RANGE) instanceof ObjectNode range) {
            return new HistoryRange(text(range, START, node), text(range, END, node));
        }
        if (descriptor.get(PARTITION) instanceof ObjectNode values) {
            ObjectNode extra = descriptor.get(EXTRA_FIELDS) instanceof ObjectNode fields ? fields : Json.object();
            return new RouterPartition(node.get(KEY).asText(), values, extra);
        }
        throw new IllegalArgumentException("a partition's descriptor needs a \"range\" or a \"partition\": " + node);
    }

    /** The descriptor, its fields in the order earlier versions wrote them. */
    private static ObjectNode descriptor(StreamPartition partition) {
        ObjectNode descriptor = Json.object();
        partition.match(router -> {
            descriptor.set(PARTITION, router.values());
            descriptor.set(EXTRA_FIELDS, router.extraFields());
            return descriptor;
        }, range -> {
            descriptor.putObject(RANGE).put(START, range.start()).put(END, range.end());
            return descriptor;
        });
        return descriptor;
    }

    private static String text(ObjectNode range, String field, JsonNode node) {
        JsonNode value = range.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("a range needs a \"" + field + "\": " + node);
        }
        return value.asText();
    }
}
