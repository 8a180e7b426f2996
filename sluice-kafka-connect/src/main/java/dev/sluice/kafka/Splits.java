package dev.sluice.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream's history split as JSON text, {@code {"ranges": [<range>...], "rest": {...}}}, each range as
 * {@link PartitionCodec} writes it: how the connector hands it to tasks and how every offset of its units stores it,
 * so that a restarted connector finds the split it made before instead of making a different one.
 */
final class Splits {

    private Splits() {
    }

    static String encode(HistorySplit split) {
        ObjectNode node = Json.object();
        ArrayNode ranges = node.putArray("ranges");
        split.ranges().forEach(range -> ranges.add(PartitionCodec.encode(range)));
        node.set("rest", split.rest().json());
        return Json.write(node);
    }

    /** The units of a split: its ranges in order, then the rest, which is the stream read as a whole. */
    static List<WorkUnit> units(String stream, String split) {
        JsonNode node = parse(split);
        List<WorkUnit> units = new ArrayList<>();
        JsonNode ranges = node.path("ranges");
        for (int i = 0; i < ranges.size(); i++) {
            units.add(new WorkUnit(stream, PartitionCodec.decode(ranges.get(i)), i, split, StreamState.empty()));
        }
        units.add(new WorkUnit(stream, null, -1, split, StreamState.of(node.get("rest"))));
        return units;
    }

    /** The source partition of a split's range {@code index}, as {@link WorkUnit#sourcePartition()} builds it. */
    static Map<String, String> rangePartition(String stream, int index) {
        Map<String, String> partition = new HashMap<>();
        partition.put("stream", stream);
        partition.put("range", Integer.toString(index));
        return Collections.unmodifiableMap(partition);
    }

    private static JsonNode parse(String split) {
        try {
            return Json.parse(split);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an unreadable split: " + e.getOriginalMessage(), e);
        }
    }
}
