package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial records of one page, requested in several property chunks, merged into whole records by key.
 * Merging is deep: mappings present in both are merged recursively; any other value of a later chunk replaces
 * the earlier one (lists too). Records come out in the order their key was first seen. Not thread-safe: one
 * per page, fed in chunk order.
 */
public final class MergedPage {

    private final PropertyChunking chunking;
    private final int chunkCount;
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private final Map<String, BitSet> chunksSeen = new LinkedHashMap<>();

    public MergedPage(PropertyChunking chunking, int chunkCount) {
        this.chunking = chunking;
        this.chunkCount = chunkCount;
    }

    /**
     * Merges a partial record from chunk {@code chunk} (0-based) into the page. Returns false, keeping nothing,
     * when the record has no merge key: the caller emits it as it is.
     */
    public boolean offer(int chunk, ObjectNode record) {
        String key = chunking.mergeKey(record);
        if (key == null) {
            return false;
        }
        deepMerge(records.computeIfAbsent(key, absent -> Json.object()), record);
        chunksSeen.computeIfAbsent(key, absent -> new BitSet(chunkCount)).set(chunk);
        return true;
    }

    /** The merged records, in the order their key was first seen. */
    public List<ObjectNode> records() {
        return new ArrayList<>(records.values());
    }

    /** How many merged records some chunk of the page did not return: their properties are incomplete. */
    public int incompleteRecords() {
        int incomplete = 0;
        for (BitSet seen : chunksSeen.values()) {
            if (seen.cardinality() < chunkCount) {
                incomplete++;
            }
        }
        return incomplete;
    }

    /** Copies what it takes from {@code source}, so that neither input record is changed by later merges. */
    static void deepMerge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                deepMerge((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
