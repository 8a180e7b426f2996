package dev.sluice.builder.infer;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Infers one stream's JSON schema from its records as the reference's {@code SchemaInferrer}
 * ({@code airbyte_cdk/utils/schema_inferrer.py}) does: genson's merge ({@link SchemaNode}), then every field made
 * nullable with {@code null} last in its types, fields only ever null dropped, a nullable {@code anyOf} of one other
 * schema folded into it, and the primary key's and cursor's paths marked {@code required} (and not nullable). Not
 * thread-safe: one per read.
 */
public final class SchemaInferrer {

    private static final String TYPE = "type";
    private static final String NULL = "null";
    private static final String OBJECT = "object";
    private static final String ANY_OF = "anyOf";
    private static final String PROPERTIES = "properties";
    private static final String ITEMS = "items";
    private static final String REQUIRED = "required";

    private final List<List<String>> primaryKey;
    private final List<List<String>> cursorField;
    private final SchemaNode root = new SchemaNode();
    private boolean any;

    /**
     * @param primaryKey  the key's paths (a composite key has several, a nested field is a path of several names)
     * @param cursorField the cursor's path, or none
     */
    public SchemaInferrer(List<List<String>> primaryKey, List<List<String>> cursorField) {
        this.primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        this.cursorField = List.copyOf(requireNonNull(cursorField, "cursorField is null"));
    }

    public void accumulate(ObjectNode record) {
        any = true;
        root.add(record);
    }

    /** The schema of the records accumulated so far. */
    public InferredSchema schema() {
        if (!any) {
            return new InferredSchema(null, List.of());
        }
        ObjectNode schema = Json.object();
        schema.put("$schema", "http://json-schema.org/schema#");
        schema.setAll(root.toSchema());
        clean(schema);
        schema.put(TYPE, OBJECT);
        List<String> errors = new ArrayList<>();
        for (List<List<String>> key : List.of(primaryKey, cursorField)) {
            for (List<String> path : key) {
                try {
                    markRequired(schema, path, new ArrayList<>());
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        return new InferredSchema(schema, errors);
    }

    private void clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has(ANY_OF)) {
                cleanAnyOf(object);
            }
            if (object.get(PROPERTIES) instanceof ObjectNode properties) {
                cleanProperties(properties);
            }
            if (object.has(ITEMS)) {
                clean(object.get(ITEMS));
            }
            nullLast(object);
            if (object.has(ANY_OF)) {
                object.remove(TYPE);
            }
        }
    }

    private void cleanAnyOf(ObjectNode node) {
        ArrayNode anyOf = (ArrayNode) node.get(ANY_OF);
        ObjectNode nullType = Json.object().put(TYPE, NULL);
        boolean hasNull = false;
        for (JsonNode option : anyOf) {
            hasNull |= option.equals(nullType);
        }
        if (anyOf.size() == 2 && hasNull) {
            JsonNode real = NULL.equals(anyOf.get(0).path(TYPE).asText(null)) && anyOf.get(0).get(TYPE).isTextual()
                    ? anyOf.get(1) : anyOf.get(0);
            node.setAll((ObjectNode) real.deepCopy());
            ArrayNode types = Json.nodes().arrayNode();
            types.add(node.get(TYPE));
            types.add(NULL);
            node.set(TYPE, types);
            node.remove(ANY_OF);
        } else if (anyOf.size() > 1) {
            node.set(TYPE, Json.nodes().arrayNode().add(NULL));
        }
    }

    private void cleanProperties(ObjectNode properties) {
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        List<String> onlyNull = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode type = field.getValue().get(TYPE);
            if (field.getValue().isObject() && type != null && type.isTextual() && NULL.equals(type.asText())) {
                onlyNull.add(field.getKey());
            } else {
                clean(field.getValue());
            }
        }
        properties.remove(onlyNull);
    }

    private static void nullLast(ObjectNode node) {
        JsonNode type = node.get(TYPE);
        if (type == null) {
            // The reference fails here (a KeyError); an array only ever empty has no item type: leave it typeless.
            return;
        }
        if (type.isArray()) {
            ArrayNode types = Json.nodes().arrayNode();
            type.forEach(item -> {
                if (!NULL.equals(item.asText())) {
                    types.add(item);
                }
            });
            types.add(NULL);
            node.set(TYPE, types);
        } else {
            node.set(TYPE, Json.nodes().arrayNode().add(type).add(NULL));
        }
    }

    private static void markRequired(ObjectNode node, List<String> path, List<String> travelled) {
        removeNull(node);
        if (path.isEmpty()) {
            return;
        }
        if (!node.has(PROPERTIES)) {
            throw new IllegalArgumentException("Path " + pythonList(travelled) + " does not refer to an object but is `"
                    + node + "` and hence " + pythonList(path) + " can't be marked as required.");
        }
        String next = path.get(0);
        if (!node.get(PROPERTIES).has(next)) {
            throw new IllegalArgumentException("Path " + pythonList(travelled) + " does not have field `" + next
                    + "` in the schema and hence can't be marked as required.");
        }
        JsonNode type = node.get(TYPE);
        if (type == null) {
            throw new IllegalArgumentException("Unknown schema error: " + pythonList(travelled)
                    + " is expected to have a type but did not. Schema inferrence is probably broken");
        }
        if (!isObjectType(type)) {
            throw new IllegalArgumentException("Path " + pythonList(travelled) + " is expected to be an object but was of "
                    + "type `" + node.get(PROPERTIES).get(next).get(TYPE) + "`");
        }
        JsonNode required = node.get(REQUIRED);
        if (required == null || !required.isArray() || required.isEmpty()) {
            node.putArray(REQUIRED).add(next);
        } else if (!contains(required, next)) {
            ((ArrayNode) required).add(next);
        }
        travelled.add(next);
        markRequired((ObjectNode) node.get(PROPERTIES).get(next), path.subList(1, path.size()), travelled);
    }

    private static boolean isObjectType(JsonNode type) {
        if (type.isTextual()) {
            return OBJECT.equals(type.asText());
        }
        if (type.isArray() && type.size() == 2) {
            String first = type.get(0).asText();
            String second = type.get(1).asText();
            return (NULL.equals(first) && OBJECT.equals(second)) || (OBJECT.equals(first) && NULL.equals(second));
        }
        return false;
    }

    private static void removeNull(ObjectNode node) {
        JsonNode type = node.get(TYPE);
        if (type != null && type.isArray()) {
            ArrayNode types = Json.nodes().arrayNode();
            type.forEach(item -> {
                if (!NULL.equals(item.asText())) {
                    types.add(item);
                }
            });
            node.set(TYPE, types.size() == 1 ? types.get(0) : types);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A list of names as the reference's messages print it ({@code ['a', 'b']}). */
    private static String pythonList(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
