package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one request is made for: the partition (e.g. a parent id, {@code {"id": 7, "parent_slice": {}}}), the
 * cursor window (e.g. {@code {"start_time": ..., "end_time": ...}}) and extra fields that templates may read
 * ({@code stream_slice.extra_fields['x']}) but that are not part of the slice's identity.
 *
 * <p>Treated as immutable: the nodes must not be mutated after construction.
 */
public record StreamSlice(ObjectNode partition, ObjectNode cursorSlice, ObjectNode extraFields) {

    public static final StreamSlice EMPTY = new StreamSlice(Json.object(), Json.object(), Json.object());

    public StreamSlice {
        requireNonNull(partition, "partition is null");
        requireNonNull(cursorSlice, "cursorSlice is null");
        requireNonNull(extraFields, "extraFields is null");
    }

    public static StreamSlice ofPartition(ObjectNode partition) {
        return new StreamSlice(partition, Json.object(), Json.object());
    }

    /** The value of a key of the partition or the cursor window; a missing node when absent. */
    public JsonNode get(String key) {
        JsonNode value = partition.get(key);
        if (value == null) {
            value = cursorSlice.get(key);
        }
        return value == null ? Json.nodes().missingNode() : value;
    }

    /** Partition and cursor window in one mapping, as the reference's slice mapping reads. */
    public ObjectNode merged() {
        ObjectNode merged = partition.deepCopy();
        merged.setAll(cursorSlice);
        return merged;
    }

    public StreamSlice withExtraFields(ObjectNode fields) {
        return new StreamSlice(partition, cursorSlice, fields);
    }

    public StreamSlice withCursorSlice(ObjectNode window) {
        return new StreamSlice(partition, window, extraFields);
    }

    /**
     * The value templates see as {@code stream_slice} (and its aliases): the merged mapping, plus the
     * attributes {@code extra_fields}, {@code partition} and {@code cursor_slice} unless a key of the slice
     * already has that name.
     */
    public ObjectNode toInterpolationValue() {
        ObjectNode value = merged();
        putIfAbsent(value, "extra_fields", extraFields);
        putIfAbsent(value, "partition", partition);
        putIfAbsent(value, "cursor_slice", cursorSlice);
        return value;
    }

    private static void putIfAbsent(ObjectNode target, String key, JsonNode value) {
        if (!target.has(key)) {
            target.set(key, value);
        }
    }

    /** True when the slice carries nothing (the reference's falsy slice). */
    public boolean isEmpty() {
        return partition.isEmpty() && cursorSlice.isEmpty() && extraFields.isEmpty();
    }

    /** A stable identity: the merged mapping as JSON with sorted keys and no spaces. */
    public String key() {
        return Json.write(sorted(merged()));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = Json.object();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = Json.nodes().arrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }

    @Override
    public String toString() {
        return Json.write(merged());
    }
}
