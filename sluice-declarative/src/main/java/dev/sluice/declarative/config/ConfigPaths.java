package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.transform.DpathGlob;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConfigException;
import java.util.List;
import java.util.Locale;

/** dpath's {@code new} and {@code delete} on a config copy the caller owns (configs are small: copied whole). */
final class ConfigPaths {

    private ConfigPaths() {
    }

    /**
     * Sets {@code value} at {@code path}, creating missing parents (a list when the next segment is all digits,
     * else an object) and padding lists with nulls. A scalar in the way is an error, as in the reference.
     */
    static void set(ObjectNode root, List<String> path, JsonNode value) {
        ContainerNode<?> node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            if (node.isArray() && !isIndex(segment)) {
                throw new ConfigException("ConfigAddFields cannot set " + path + ": '" + segment
                        + "' is not an index of a list");
            }
            JsonNode existing = node.isObject() ? node.get(segment) : node.get(Integer.parseInt(segment));
            if (last) {
                put(node, segment, value);
            } else if (existing == null || existing.isNull() && node.isArray()) {
                ContainerNode<?> created = isIndex(path.get(i + 1)) ? Json.nodes().arrayNode() : Json.object();
                put(node, segment, created);
                node = created;
            } else if (existing.isContainerNode()) {
                node = (ContainerNode<?>) existing;
            } else {
                throw new ConfigException("ConfigAddFields cannot set " + path + ": " + path.subList(0, i + 1)
                        + " holds " + existing.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not an object or a list");
            }
        }
    }

    private static void put(ContainerNode<?> node, String segment, JsonNode value) {
        if (node.isObject()) {
            ((ObjectNode) node).set(segment, value);
            return;
        }
        ArrayNode array = (ArrayNode) node;
        int index = Integer.parseInt(segment);
        while (array.size() <= index) {
            array.addNull();
        }
        array.set(index, value);
    }

    /**
     * Deletes every value {@code pointer} matches: a key is removed; a list element is removed when it is the last
     * one, and otherwise set to null so that the other elements keep their indexes.
     */
    static void delete(ObjectNode root, DpathGlob pointer) {
        for (DpathGlob.Match match : pointer.search(root)) {
            List<DpathGlob.Step> path = match.path();
            if (path.isEmpty()) {
                continue;
            }
            JsonNode parent = root;
            for (DpathGlob.Step step : path.subList(0, path.size() - 1)) {
                parent = parent == null ? null : step.isIndex() ? parent.get(step.index()) : parent.get(step.key());
            }
            DpathGlob.Step last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object) {
                object.remove(last.key());
            } else if (parent instanceof ArrayNode array && last.index() < array.size()) {
                if (last.index() == array.size() - 1) {
                    array.remove(last.index());
                } else {
                    array.set(last.index(), Json.nodes().nullNode());
                }
            }
        }
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
    }
}
