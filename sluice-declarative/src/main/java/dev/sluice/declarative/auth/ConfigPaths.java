package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Values at a key path of a JSON document, as {@code dpath.get} and {@code dpath.new} reach them in the reference. */
final class ConfigPaths {

    private ConfigPaths() {
    }

    /** The value at {@code path} (list elements by index), or null when any step is missing or JSON null. */
    static @Nullable JsonNode get(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String key : path) {
            if (node.isObject()) {
                node = node.get(key);
            } else if (node.isArray() && isIndex(key)) {
                node = node.get(Integer.parseInt(key));
            } else {
                return null;
            }
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    /**
     * A deep copy of {@code root} with {@code value} at {@code path}; missing or non-mapping intermediate steps
     * become mappings (the reference's {@code dpath.new}).
     */
    static ObjectNode with(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        ObjectNode node = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = node.get(path.get(i));
            node = next instanceof ObjectNode object ? object : node.putObject(path.get(i));
        }
        node.set(path.get(path.size() - 1), value);
        return copy;
    }

    /** {@code credentials.auth_type}: a path as users read it in messages. */
    static String describe(List<String> path) {
        return String.join(".", path);
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
    }
}
