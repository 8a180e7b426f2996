package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.source.ConfigException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds a key in a token endpoint's response the way the reference does: at the top level first, then depth
 * first through nested objects and lists, at most five levels down. Reaching a value deeper than that before
 * the key is found is an error (the reference guards against pathological nesting the same way).
 */
final class TokenResponses {

    static final int MAX_DEPTH = 5;

    private TokenResponses() {
    }

    /** The value of {@code key}, or null when absent or JSON null. */
    static @Nullable JsonNode find(JsonNode response, String key) {
        return find(response, key, 0);
    }

    private static @Nullable JsonNode find(JsonNode node, String key, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ConfigException("The maximum level of recursion is reached. Couldn't find the specified `"
                    + key + "` in the response.");
        }
        if (node.isObject()) {
            if (node.has(key)) {
                JsonNode value = node.get(key);
                return value.isNull() ? null : value;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode found = find(field.getValue(), key, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode found = find(element, key, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
