package dev.sluice.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.source.Config;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the config values at the spec's {@code airbyte_secret: true} properties, however deep (nested objects,
 * {@code oneOf}/{@code anyOf}/{@code allOf} branches, array items), so they can be masked in every text.
 */
public final class Secrets {

    private Secrets() {
    }

    public static SecretMasker masker(JsonNode connectionSpecification, Config config) {
        return SecretMasker.of(values(connectionSpecification, config));
    }

    /** The config's values at the spec's secret properties, as text, in the order found. */
    public static Set<String> values(JsonNode connectionSpecification, Config config) {
        List<List<String>> paths = new ArrayList<>();
        collectPaths(connectionSpecification, new ArrayList<>(), paths, 0);
        Set<String> values = new LinkedHashSet<>();
        for (List<String> path : paths) {
            collectValues(config.json(), path, 0, values);
        }
        return values;
    }

    private static void collectPaths(JsonNode schema, List<String> prefix, List<List<String>> out, int depth) {
        if (!schema.isObject() || depth > 64) {
            return;
        }
        if (!prefix.isEmpty() && schema.path("airbyte_secret").asBoolean(false)) {
            out.add(List.copyOf(prefix));
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                List<String> path = new ArrayList<>(prefix);
                path.add(property.getKey());
                collectPaths(property.getValue(), path, out, depth + 1);
            }
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode branches = schema.get(combinator);
            if (branches != null && branches.isArray()) {
                branches.forEach(branch -> collectPaths(branch, prefix, out, depth + 1));
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            List<String> path = new ArrayList<>(prefix);
            path.add("*");
            collectPaths(items, path, out, depth + 1);
        }
    }

    private static void collectValues(JsonNode node, List<String> path, int index, Set<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (index == path.size()) {
            if (node.isValueNode()) {
                out.add(node.asText());
            } else {
                node.forEach(child -> collectValues(child, path, index, out));
            }
            return;
        }
        String part = path.get(index);
        if (part.equals("*")) {
            if (node.isArray()) {
                node.forEach(element -> collectValues(element, path, index + 1, out));
            }
        } else {
            collectValues(node.get(part), path, index + 1, out);
        }
    }
}
