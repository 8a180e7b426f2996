package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code schema_normalization: Default}: the reference's {@code TypeTransformer}. It walks the schema's
 * {@code properties} and {@code items} (and local {@code $ref}s) the way a JSON-schema validator does, casts
 * each value found there to its declared type ({@link TypeCasts}) before descending into it, and logs a warning
 * for a value that still does not have its declared type. The record itself is never cast; objects and lists are
 * copied only where something changed.
 */
final class SchemaNormalizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaNormalizer.class);
    private static final int MAX_REF_DEPTH = 64;

    private final JsonNode schema;

    SchemaNormalizer(JsonNode schema) {
        this.schema = schema;
    }

    ObjectNode normalize(ObjectNode record) {
        JsonNode result = descend(record, schema, new ArrayList<>(), 0);
        return result.isObject() ? (ObjectNode) result : record;
    }

    /** Validates {@code value} against {@code subSchema}: normalises its children, then checks its type. */
    private JsonNode descend(JsonNode value, JsonNode subSchema, List<String> path, int refDepth) {
        if (!subSchema.isObject()) {
            return value;
        }
        JsonNode ref = subSchema.get("$ref");
        if (ref != null && ref.isTextual()) {
            // Draft 7: a $ref replaces its sibling keywords.
            JsonNode target = resolve(ref.textValue());
            return target == null || refDepth >= MAX_REF_DEPTH ? value : descend(value, target, path, refDepth + 1);
        }
        JsonNode result = value;
        JsonNode properties = subSchema.get("properties");
        if (result.isObject() && properties != null && properties.isObject()) {
            result = normalizeProperties((ObjectNode) result, properties, path, refDepth);
        }
        JsonNode items = subSchema.get("items");
        if (result.isArray() && items != null && items.isObject()) {
            result = normalizeItems((ArrayNode) result, items, path, refDepth);
        }
        warnOnWrongType(result, subSchema.get("type"), path);
        return result;
    }

    private ObjectNode normalizeProperties(ObjectNode object, JsonNode properties, List<String> path, int refDepth) {
        ObjectNode copy = null;
        Iterator<Map.Entry<String, JsonNode>> declared = properties.fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> property = declared.next();
            JsonNode original = object.get(property.getKey());
            if (original == null || !property.getValue().isObject()) {
                continue;
            }
            path.add(property.getKey());
            JsonNode child = descend(TypeCasts.convert(original, property.getValue()), property.getValue(), path,
                    refDepth);
            path.remove(path.size() - 1);
            if (child != original) {
                if (copy == null) {
                    copy = Json.object();
                    copy.setAll(object);
                }
                copy.set(property.getKey(), child);
            }
        }
        return copy == null ? object : copy;
    }

    private ArrayNode normalizeItems(ArrayNode array, JsonNode items, List<String> path, int refDepth) {
        ArrayNode copy = null;
        for (int i = 0; i < array.size(); i++) {
            JsonNode original = array.get(i);
            path.add(Integer.toString(i));
            JsonNode child = descend(TypeCasts.convert(original, items), items, path, refDepth);
            path.remove(path.size() - 1);
            if (child != original) {
                if (copy == null) {
                    copy = Json.nodes().arrayNode(array.size());
                    copy.addAll(array);
                }
                copy.set(i, child);
            }
        }
        return copy == null ? array : copy;
    }

    private @Nullable JsonNode resolve(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = schema.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static void warnOnWrongType(JsonNode value, @Nullable JsonNode type, List<String> path) {
        if (type == null || hasType(value, type)) {
            return;
        }
        log.warn("Failed to transform value from type '{}' to type '{}' at path: '{}'", TypeNames.structure(value, 0),
                TypeNames.pythonRepr(type), String.join(".", path));
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isTextual()) {
            return TypeNames.matches(value, type.textValue());
        }
        if (type.isArray()) {
            for (JsonNode element : type) {
                if (element.isTextual() && TypeNames.matches(value, element.textValue())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
