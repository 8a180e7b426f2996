package dev.sluice.builder.testread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** JSON pieces shared by the views' {@code toJson}: absent values are JSON null, as the reference's asdict gives. */
final class Views {

    private Views() {
    }

    static JsonNode stringMap(@Nullable Map<String, String> map) {
        if (map == null) {
            return Json.nodes().nullNode();
        }
        ObjectNode node = Json.object();
        map.forEach(node::put);
        return node;
    }

    static <T> JsonNode array(@Nullable List<T> items, Function<T, JsonNode> toJson) {
        if (items == null) {
            return Json.nodes().nullNode();
        }
        ArrayNode array = Json.nodes().arrayNode();
        items.forEach(item -> array.add(toJson.apply(item)));
        return array;
    }

    static JsonNode orNull(@Nullable JsonNode node) {
        return node == null ? Json.nodes().nullNode() : node;
    }
}
