package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code dpath.get} on a record: keys of objects, indexes of lists (at most nine digits, so that a hostile index
 * is absent rather than a number error); null when the path is missing.
 */
public final class Dpath {

    private Dpath() {
    }

    public static @Nullable JsonNode get(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String segment : path) {
            if (node.isObject()) {
                node = node.get(segment);
            } else if (node.isArray() && segment.matches("\\d{1,9}")) {
                node = node.get(Integer.parseInt(segment));
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
