package dev.sluice.testkit.standard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks the properties of a JSON schema, through nested objects, arrays and {@code oneOf}/{@code anyOf}/{@code allOf}. */
final class SpecWalker {

    /** Receives one property: its path ({@code credentials.oneOf[1].client_secret}), name and schema. */
    interface Visitor {
        void property(String path, String name, JsonNode schema);
    }

    private static final List<String> COMBINATORS = List.of("oneOf", "anyOf", "allOf");

    private SpecWalker() {
    }

    static void properties(JsonNode schema, Visitor visitor) {
        walk(schema, "", visitor);
    }

    private static void walk(JsonNode schema, String path, Visitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            visitor.property(at, property.getKey(), property.getValue());
            walk(property.getValue(), at, visitor);
        }
        for (String combinator : COMBINATORS) {
            JsonNode options = schema.path(combinator);
            for (int i = 0; i < options.size(); i++) {
                walk(options.get(i), path + "." + combinator + "[" + i + "]", visitor);
            }
        }
        if (schema.path("items").isObject()) {
            walk(schema.path("items"), path + "[]", visitor);
        }
    }

    /** Whether a property holds free text: typed {@code string} (or untyped), without {@code enum} or {@code const}. */
    static boolean holdsText(JsonNode property) {
        if (property.has("enum") || property.has("const")) {
            return false;
        }
        JsonNode type = property.path("type");
        if (type.isMissingNode()) {
            return !property.has("properties") && !COMBINATORS.stream().anyMatch(property::has);
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if ("string".equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "string".equals(type.asText());
    }

    /** Whether the schema declares the nested field {@code path} ({@code ["address", "city"]}). */
    static boolean declares(JsonNode schema, List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        JsonNode property = schema.path("properties").path(path.get(0));
        if (!property.isMissingNode() && declares(property, path.subList(1, path.size()))) {
            return true;
        }
        for (String combinator : COMBINATORS) {
            for (JsonNode option : schema.path(combinator)) {
                if (declares(option, path)) {
                    return true;
                }
            }
        }
        return false;
    }
}
