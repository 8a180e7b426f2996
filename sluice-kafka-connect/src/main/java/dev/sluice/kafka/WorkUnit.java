package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.jspecify.annotations.Nullable;

/**
 * What a task reads, and its identity: the Connect source partition under which its Airbyte state is stored.
 * <ul>
 *   <li>a whole stream, {@code {"stream": s}}; for a split history, the part after its ranges (the rest);
 *   <li>one partition of a stream's partition router, {@code {"stream": s, "partition": <key>}};
 *   <li>one closed range of a split history, {@code {"stream": s, "range": "<i>"}} (by position, so that a connector
 *       can find a stored split by looking up its ranges).
 * </ul>
 *
 * @param partition the part of the stream the unit reads ({@link StreamPartition#readFrom}); null to read the
 *                  stream with {@code Stream.read}
 * @param range     the position of a closed range in its split, from 0; -1 for other units
 * @param split     the split the unit belongs to ({@link Splits}), stored with every offset; null when not split
 * @param initial   the state to start from when nothing is stored: empty, or a split's rest
 */
record WorkUnit(String stream, @Nullable StreamPartition partition, int range, @Nullable String split,
        StreamState initial) {

    static final String TASK_UNITS = "sluice.task.units";

    WorkUnit {
        requireNonNull(stream, "stream is null");
        requireNonNull(initial, "initial is null");
        if ((range >= 0) != (split != null && partition != null)) {
            throw new IllegalArgumentException("a range is a partition of a split, and only a range has a position");
        }
    }

    static WorkUnit whole(String stream) {
        return new WorkUnit(stream, null, -1, null, StreamState.empty());
    }

    static WorkUnit partition(String stream, StreamPartition partition) {
        return new WorkUnit(stream, partition, -1, null, StreamState.empty());
    }

    /** A whole read is always bounded by nothing; a partition is bounded when the stream says so. */
    boolean bounded() {
        return partition != null && partition.bounded();
    }

    /**
     * The Connect source partition, in a {@link HashMap}'s order. Connect finds a stored offset by the bytes of its
     * serialised source partition, and its offsets REST API (listing, altering, resetting) serialises again the
     * partitions it read back, which its JSON converter builds as {@code HashMap}s: in any other order a unit's offset
     * would be listed as null and survive a reset.
     */
    Map<String, String> sourcePartition() {
        if (range >= 0) {
            return Splits.rangePartition(stream, range);
        }
        Map<String, String> map = new HashMap<>();
        map.put("stream", stream);
        if (partition != null) {
            map.put("partition", partition.key());
        }
        return Collections.unmodifiableMap(map);
    }

    /** A readable name for logs and thread names. */
    String describe() {
        return range >= 0 ? stream + "[range " + range + "]" : partition != null ? stream + partition.key() : stream;
    }

    static String encode(List<WorkUnit> units) {
        ArrayNode array = Json.nodes().arrayNode();
        for (WorkUnit unit : units) {
            ObjectNode node = array.addObject().put("stream", unit.stream());
            if (unit.partition() != null) {
                node.set("partition", PartitionCodec.encode(unit.partition()));
            }
            if (unit.range() >= 0) {
                node.put("range", unit.range());
            }
            if (unit.split() != null) {
                node.put("split", unit.split());
            }
            if (!unit.initial().isEmpty()) {
                node.set("initial", unit.initial().json());
            }
        }
        return Json.write(array);
    }

    /** The list as {@link #encode} writes it, deflated ({@link Deflated}) when longer than {@code plainLimit}. */
    static String encodeCompact(List<WorkUnit> units, int plainLimit) {
        String plain = encode(units);
        return plain.length() <= plainLimit ? plain : Deflated.encode(plain);
    }

    /**
     * Reads {@link #encode} or {@link #encodeCompact}; also reads the previous version's list of stream names, which
     * tasks may still be given once.
     */
    static List<WorkUnit> decode(String text) {
        try {
            List<WorkUnit> units = new ArrayList<>();
            for (JsonNode node : Json.parse(Deflated.isDeflated(text) ? Deflated.decode(text) : text)) {
                if (node.isTextual()) {
                    units.add(whole(node.asText()));
                    continue;
                }
                JsonNode partition = node.get("partition");
                JsonNode split = node.get("split");
                units.add(new WorkUnit(node.path("stream").asText(),
                        partition == null ? null : PartitionCodec.decode(partition), node.path("range").asInt(-1),
                        split == null ? null : split.asText(), StreamState.of(node.get("initial"))));
            }
            return units;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ConnectException("Invalid task assignment " + TASK_UNITS + ": " + e.getMessage(), e);
        }
    }
}
