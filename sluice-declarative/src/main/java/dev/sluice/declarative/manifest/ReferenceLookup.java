package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the value a {@code #/a/b/c} reference points at, with the reference's rules. At each level the
 * whole remaining path is first tried as one key (so keys containing {@code /} work); otherwise the text
 * up to the first {@code /} is taken as one step and the rest is tried one level down. A step that reads
 * as an integer (Python's {@code int()}: optional sign, digits, underscores between digits) indexes a
 * list (negative counts from the end) or a string's characters, and finds nothing in a mapping, so a
 * mapping key such as {@code "0"} is reachable only as the last step.
 */
final class ReferenceLookup {

    private static final Pattern INTEGER = Pattern.compile("\\s*[-+]?[0-9]+(?:_[0-9]+)*\\s*");

    private ReferenceLookup() {
    }

    /** The value at {@code path} (the reference without its {@code #/}), or null when there is none. */
    static @Nullable JsonNode find(JsonNode root, String path) {
        JsonNode node = root;
        String rest = path;
        while (!rest.isEmpty()) {
            if (node.isObject() && node.has(rest)) {
                return node.get(rest);
            }
            int slash = rest.indexOf('/');
            String head = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
            node = step(node, head);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static @Nullable JsonNode step(JsonNode node, String head) {
        if (!INTEGER.matcher(head).matches()) {
            return node.isObject() ? node.get(head) : null;
        }
        long index;
        try {
            index = Long.parseLong(head.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (node.isArray()) {
            long position = index < 0 ? node.size() + index : index;
            return position >= 0 && position < node.size() ? node.get((int) position) : null;
        }
        if (node.isTextual()) {
            int[] characters = node.textValue().codePoints().toArray();
            long position = index < 0 ? characters.length + index : index;
            return position >= 0 && position < characters.length
                    ? JsonNodeFactory.instance.textNode(new String(characters, (int) position, 1))
                    : null;
        }
        return null;
    }
}
