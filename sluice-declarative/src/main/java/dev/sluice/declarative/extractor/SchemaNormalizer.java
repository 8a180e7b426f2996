package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code schema_normalization: Default}: casts values to the types their schema declares, as the reference's
 * {@code TypeTransformer} does (strings from numbers, integers and numbers from strings, booleans from the usual
 * words, a scalar wrapped in a list). A value that cannot be cast is kept, with a warning.
 */
final class SchemaNormalizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaNormalizer.class);
    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "t", "true", "on", "1");
    private static final Set<String> FALSE_WORDS = Set.of("n", "no", "f", "false", "off", "0");

    private final JsonNode schema;

    SchemaNormalizer(JsonNode schema) {
        this.schema = schema;
    }

    ObjectNode normalize(ObjectNode record) {
        JsonNode result = walk(record, schema, new ArrayList<>());
        return result.isObject() ? (ObjectNode) result : record;
    }

    private JsonNode walk(JsonNode value, JsonNode subSchema, List<String> path) {
        if (!subSchema.isObject()) {
            return value;
        }
        JsonNode converted = convert(value, subSchema, path);
        if (converted.isObject() && subSchema.has("properties")) {
            ObjectNode copy = null;
            Iterator<Map.Entry<String, JsonNode>> fields = converted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode propertySchema = subSchema.get("properties").get(field.getKey());
                if (propertySchema == null) {
                    continue;
                }
                path.add(field.getKey());
                JsonNode child = walk(field.getValue(), propertySchema, path);
                path.remove(path.size() - 1);
                if (child != field.getValue()) {
                    if (copy == null) {
                        copy = ((ObjectNode) converted).deepCopy();
                    }
                    copy.set(field.getKey(), child);
                }
            }
            return copy == null ? converted : copy;
        }
        if (converted.isArray() && subSchema.has("items")) {
            ArrayNode copy = Json.nodes().arrayNode();
            boolean changed = false;
            for (JsonNode element : converted) {
                JsonNode child = walk(element, subSchema.get("items"), path);
                changed |= child != element;
                copy.add(child);
            }
            return changed ? copy : converted;
        }
        return converted;
    }

    private JsonNode convert(JsonNode value, JsonNode subSchema, List<String> path) {
        String type = singleType(subSchema.get("type"), value);
        if (type == null || (value.isNull() && allowsNull(subSchema.get("type")))) {
            return value;
        }
        try {
            JsonNode result = cast(value, type, subSchema);
            return result == null ? value : result;
        } catch (NumberFormatException | ArithmeticException e) {
            log.warn("Failed to transform value from type '{}' to type '{}' at path: '{}'",
                    value.getNodeType().name().toLowerCase(Locale.ROOT), type, String.join(".", path));
            return value;
        }
    }

    private static @Nullable JsonNode cast(JsonNode value, String type, JsonNode subSchema) {
        switch (type) {
            case "string":
                return value.isTextual() ? null : Json.nodes().textNode(PythonStr.of(value));
            case "number":
                if (value.isNumber() && !value.isIntegralNumber()) {
                    return null;
                }
                if (value.isNumber() || value.isTextual()) {
                    return Json.nodes().numberNode(Double.parseDouble(value.asText().strip()));
                }
                return null;
            case "integer":
                if (value.isIntegralNumber()) {
                    return null;
                }
                if (value.isNumber()) {
                    return Json.nodes().numberNode(value.decimalValue().toBigInteger());
                }
                if (value.isTextual()) {
                    return Json.nodes().numberNode(new BigDecimal(value.asText().strip()).toBigIntegerExact());
                }
                return null;
            case "boolean":
                if (value.isBoolean()) {
                    return null;
                }
                if (value.isTextual()) {
                    String word = value.asText().strip().toLowerCase(Locale.ROOT);
                    if (TRUE_WORDS.contains(word)) {
                        return Json.nodes().booleanNode(true);
                    }
                    return FALSE_WORDS.contains(word) ? Json.nodes().booleanNode(false) : null;
                }
                return Json.nodes().booleanNode(truthy(value));
            case "array":
                if (value.isValueNode() && !value.isNull() && isScalarItems(subSchema.get("items"))) {
                    return Json.nodes().arrayNode().add(value);
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean truthy(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        return !value.isNull();
    }

    private static boolean isScalarItems(@Nullable JsonNode items) {
        if (items == null || !items.isObject()) {
            return false;
        }
        String type = singleType(items.get("type"), null);
        return type != null && Set.of("string", "number", "integer", "boolean").contains(type);
    }

    /** The one non-null type of a schema's {@code type}; null when there is none or several. */
    private static @Nullable String singleType(@Nullable JsonNode type, @Nullable JsonNode value) {
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return type.asText().equals("null") ? null : type.asText();
        }
        if (type.isArray()) {
            String found = null;
            for (JsonNode element : type) {
                if (!element.asText().equals("null")) {
                    if (found != null) {
                        return null;
                    }
                    found = element.asText();
                }
            }
            return found;
        }
        return null;
    }

    private static boolean allowsNull(@Nullable JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isTextual()) {
            return type.asText().equals("null");
        }
        for (JsonNode element : type) {
            if (element.asText().equals("null")) {
                return true;
            }
        }
        return false;
    }
}
