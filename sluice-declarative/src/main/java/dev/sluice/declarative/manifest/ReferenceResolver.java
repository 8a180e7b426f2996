package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step 2 of the pipeline: replaces references, as the reference's {@code ManifestReferenceResolver} does.
 *
 * <ul>
 *   <li>A string value starting with {@code #/} is replaced by a copy of the value at that path.</li>
 *   <li>A mapping with a {@code $ref} key becomes the referenced mapping with the local keys laid over it
 *       (shallow: a local nested mapping replaces the referenced one); if the reference is not a mapping,
 *       the whole node becomes that value and the local keys are dropped.</li>
 *   <li>Referenced content is resolved in turn; values under a {@code config_overrides} key are copied
 *       verbatim (they are config values, and may look like pointers).</li>
 * </ul>
 * Paths are looked up in the manifest as written (see {@link ReferenceLookup}). A missing target is
 * "undefined reference '#/x'", a reference reached again while resolving itself is "circular reference",
 * both located at the referring node. Copies keep the lines of the YAML they were copied from.
 */
public final class ReferenceResolver {

    private static final String REF = "$ref";
    private static final String CONFIG_OVERRIDES = "config_overrides";

    private final JsonNode manifest;
    private final LineMap source;
    private final LineMap lines = new LineMap();
    private final Set<String> resolving = new HashSet<>();
    private final NodeBudget budget =
            new NodeBudget(ManifestLimits.MAX_NODES, "after resolving references");

    private ReferenceResolver(ManifestTree tree) {
        this.manifest = tree.root();
        this.source = tree.lines();
    }

    /** A new tree with every reference replaced; the input is not changed. */
    public static ManifestTree resolve(ManifestTree tree) {
        ReferenceResolver resolver = new ReferenceResolver(tree);
        JsonNode root = resolver.evaluate(tree.root(), ManifestPath.root(), tree.lines().lineOf(tree.root()), 0);
        return new ManifestTree(root, resolver.lines);
    }

    private JsonNode evaluate(JsonNode node, ManifestPath path, int line, int depth) {
        if (depth > ManifestLimits.MAX_RESOLVED_DEPTH) {
            throw new ManifestException(path.toString(), line, "manifest nests deeper than "
                    + ManifestLimits.MAX_RESOLVED_DEPTH + " levels after resolving references; refusing it");
        }
        budget.charge(path);
        if (node.isObject()) {
            return object(node, path, line, depth);
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
            lines.copyLines(source, node, array);
            for (int i = 0; i < node.size(); i++) {
                int elementLine = source.lineOf(node, i);
                array.add(evaluate(node.get(i), path.index(i), elementLine, depth + 1));
                lines.setElement(array, i, elementLine);
            }
            return array;
        }
        if (isReference(node)) {
            return follow(node.textValue(), path, line, depth);
        }
        return node;
    }

    private JsonNode object(JsonNode node, ManifestPath path, int line, int depth) {
        Map<String, JsonNode> local = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.equals(REF)) {
                continue;
            }
            ManifestPath child = path.field(key);
            local.put(key, key.equals(CONFIG_OVERRIDES)
                    ? lines.deepCopy(field.getValue(), source, budget, child)
                    : evaluate(field.getValue(), child, source.lineOf(node, key), depth + 1));
        }
        ObjectNode result;
        JsonNode reference = node.get(REF);
        if (reference == null) {
            result = JsonNodeFactory.instance.objectNode();
            lines.register(result, source.lineOf(node));
        } else {
            JsonNode referenced = evaluate(reference, path, source.lineOf(node, REF), depth + 1);
            if (!referenced.isObject()) {
                return referenced;
            }
            result = (ObjectNode) referenced;
            // The merged mapping stands where the $ref was written; inherited keys keep their own lines.
            lines.register(result, source.lineOf(node));
        }
        for (Map.Entry<String, JsonNode> field : local.entrySet()) {
            result.set(field.getKey(), field.getValue());
            lines.setField(result, field.getKey(), source.lineOf(node, field.getKey()));
        }
        return result;
    }

    private JsonNode follow(String reference, ManifestPath path, int line, int depth) {
        if (!resolving.add(reference)) {
            throw new ManifestException(path.toString(), line, "circular reference '" + reference + "'");
        }
        JsonNode target = ReferenceLookup.find(manifest, reference.substring(2));
        if (target == null) {
            throw new ManifestException(path.toString(), line, "undefined reference '" + reference + "'");
        }
        JsonNode resolved = evaluate(target, path, line, depth + 1);
        resolving.remove(reference);
        return resolved;
    }

    private static boolean isReference(JsonNode node) {
        return node.isTextual() && node.textValue().startsWith("#/");
    }
}
