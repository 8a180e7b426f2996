package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A partition's identity: its JSON with keys sorted at every level and no spaces, as the reference serialises it.
 * The state writes partitions back from this key, so they come out with sorted keys too.
 */
final class PartitionKeys {

    private PartitionKeys() {
    }

    static String of(ObjectNode partition) {
        return Json.write(sorted(partition));
    }

    static ObjectNode partition(String key) {
        try {
            return (ObjectNode) Json.parse(key);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a partition key is JSON written by this class", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode result = Json.object();
            names.forEach(name -> result.set(name, sorted(node.get(name))));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = Json.nodes().arrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }
}
