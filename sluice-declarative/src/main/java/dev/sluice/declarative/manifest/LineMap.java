package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each part of a manifest tree was written in the YAML text, so that any problem found later
 * (after {@code $ref} resolution, parameter propagation, validation or binding) can name its line.
 *
 * <p>Design: an identity map from each <em>container</em> node (object or array) to its lines: the
 * line the container starts on, the line of each of its keys, and the line of each list element.
 * Scalars are not keys of the map because Jackson shares scalar instances ({@code IntNode} caches small
 * values, {@code TextNode} the empty string); a scalar's line is the line of the key or element that
 * holds it. Every normalising step that builds new containers copies the entries of the containers it
 * copies from, so content copied by a {@code $ref} keeps the line of the referenced YAML, and a key
 * injected from {@code $parameters} gets the line where that parameter was written.
 *
 * <p>Line numbers are 1-based; 0 means unknown (for example a manifest given as JSON). Reading is
 * thread-safe once the pipeline has finished; only this package writes.
 */
public final class LineMap {

    private final Map<JsonNode, Lines> entries = new IdentityHashMap<>();

    /** An empty map: every line is unknown (0). */
    public LineMap() {
    }

    /** The line a container starts on, or 0. Scalars always answer 0: ask their container. */
    public int lineOf(JsonNode container) {
        Lines lines = entries.get(container);
        return lines == null ? 0 : lines.own;
    }

    /** The line of {@code field}'s key in {@code container}, else the container's own line. */
    public int lineOf(JsonNode container, String field) {
        Lines lines = entries.get(container);
        if (lines == null) {
            return 0;
        }
        Integer line = lines.fields == null ? null : lines.fields.get(field);
        return line == null || line == 0 ? lines.own : line;
    }

    /** The line of element {@code index} of a list, else the list's own line. */
    public int lineOf(JsonNode container, int index) {
        Lines lines = entries.get(container);
        if (lines == null) {
            return 0;
        }
        int line = lines.elements != null && index < lines.elements.length ? lines.elements[index] : 0;
        return line == 0 ? lines.own : line;
    }

    /**
     * The line of the value at {@code path} under {@code root}: the line of its key (or list element).
     * When the path leaves the tree, the line of the deepest part that exists.
     */
    public int lineAt(JsonNode root, ManifestPath path) {
        int line = lineOf(root);
        JsonNode node = root;
        for (ManifestPath step : path.steps()) {
            String field = step.fieldName();
            JsonNode child;
            if (field != null) {
                child = node.isObject() ? node.get(field) : null;
                if (child != null) {
                    line = lineOf(node, field);
                }
            } else {
                child = node.isArray() ? node.get(step.elementIndex()) : null;
                if (child != null) {
                    line = lineOf(node, step.elementIndex());
                }
            }
            if (child == null) {
                return line;
            }
            node = child;
        }
        return line;
    }

    void register(JsonNode container, int line) {
        entries.computeIfAbsent(container, node -> new Lines()).own = line;
    }

    void setField(JsonNode container, String field, int line) {
        Lines lines = entries.computeIfAbsent(container, node -> new Lines());
        if (lines.fields == null) {
            lines.fields = new HashMap<>();
        }
        lines.fields.put(field, line);
    }

    void setElement(JsonNode container, int index, int line) {
        Lines lines = entries.computeIfAbsent(container, node -> new Lines());
        if (lines.elements == null || lines.elements.length <= index) {
            int[] grown = new int[Math.max(index + 1, lines.elements == null ? 4 : lines.elements.length * 2)];
            if (lines.elements != null) {
                System.arraycopy(lines.elements, 0, grown, 0, lines.elements.length);
            }
            lines.elements = grown;
        }
        lines.elements[index] = line;
    }

    /** A map with the same entries, to which a step may add its own (entries are not shared for writing). */
    LineMap copy() {
        LineMap copy = new LineMap();
        entries.forEach((node, lines) -> copy.entries.put(node, lines.copy()));
        return copy;
    }

    /** Gives {@code to} the lines {@code from} has in {@code source} (own, keys and elements). */
    void copyLines(LineMap source, JsonNode from, JsonNode to) {
        Lines lines = source.entries.get(from);
        if (lines != null) {
            entries.put(to, lines.copy());
        }
    }

    /**
     * A deep copy of {@code node} whose containers carry the lines the originals have in {@code source};
     * scalars are shared (Jackson value nodes are immutable). Each copied node is charged to {@code budget}.
     */
    JsonNode deepCopy(JsonNode node, LineMap source, NodeBudget budget, ManifestPath path) {
        return deepCopy(node, source, budget, path, 0);
    }

    private JsonNode deepCopy(JsonNode node, LineMap source, NodeBudget budget, ManifestPath path, int depth) {
        if (depth > ManifestLimits.MAX_RESOLVED_DEPTH) {
            throw new ManifestException(path.toString(), source.lineOf(node),
                    "nests deeper than " + ManifestLimits.MAX_RESOLVED_DEPTH + " levels; refusing it");
        }
        budget.charge(path);
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), deepCopy(field.getValue(), source, budget, path, depth + 1));
            }
            copyLines(source, node, copy);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                copy.add(deepCopy(element, source, budget, path, depth + 1));
            }
            copyLines(source, node, copy);
            return copy;
        }
        return node;
    }

    private static final class Lines {
        int own;
        @Nullable Map<String, Integer> fields;
        int @Nullable [] elements;

        Lines copy() {
            Lines copy = new Lines();
            copy.own = own;
            copy.fields = fields == null ? null : new HashMap<>(fields);
            copy.elements = elements == null ? null : Arrays.copyOf(elements, elements.length);
            return copy;
        }
    }
}
