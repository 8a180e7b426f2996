package dev.sluice.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.jspecify.annotations.Nullable;

/**
 * A Connect schema from a stream's JSON schema, and record values as Structs of it. Every field is optional
 * (APIs omit fields freely); integers are INT64, numbers FLOAT64; an object without declared properties, a
 * union of several types or an untyped value becomes a STRING holding its JSON text. Fields a record has but its
 * schema does not declare are not part of the Struct.
 */
final class SchemaConverter {

    private static final int MAX_DEPTH = 32;

    private SchemaConverter() {
    }

    static Schema valueSchema(String stream, JsonNode jsonSchema) {
        return struct(jsonSchema, stream, 0).optional().build();
    }

    private static SchemaBuilder struct(JsonNode jsonSchema, String name, int depth) {
        SchemaBuilder builder = SchemaBuilder.struct().name(sanitize(name));
        Iterator<Map.Entry<String, JsonNode>> properties = jsonSchema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            builder.field(property.getKey(), field(property.getValue(), name + "_" + property.getKey(), depth + 1));
        }
        return builder;
    }

    private static Schema field(JsonNode jsonSchema, String name, int depth) {
        String type = singleType(jsonSchema.get("type"));
        if (type == null || depth > MAX_DEPTH) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }
        return switch (type) {
            case "string" -> Schema.OPTIONAL_STRING_SCHEMA;
            case "integer" -> Schema.OPTIONAL_INT64_SCHEMA;
            case "number" -> Schema.OPTIONAL_FLOAT64_SCHEMA;
            case "boolean" -> Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case "array" -> SchemaBuilder.array(field(jsonSchema.path("items"), name + "_item", depth + 1))
                    .optional().build();
            case "object" -> jsonSchema.path("properties").isObject() && !jsonSchema.path("properties").isEmpty()
                    ? struct(jsonSchema, name, depth).optional().build() : Schema.OPTIONAL_STRING_SCHEMA;
            default -> Schema.OPTIONAL_STRING_SCHEMA;
        };
    }

    /** The one non-null type, or null for unions and untyped schemas. */
    private static @Nullable String singleType(@Nullable JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return type.asText();
        }
        List<String> types = new ArrayList<>();
        type.forEach(t -> {
            if (!t.asText().equals("null")) {
                types.add(t.asText());
            }
        });
        return types.size() == 1 ? types.get(0) : null;
    }

    static @Nullable Object value(@Nullable JsonNode node, Schema schema) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (schema.type()) {
            case STRUCT -> {
                if (!node.isObject()) {
                    yield null;
                }
                Struct struct = new Struct(schema);
                for (org.apache.kafka.connect.data.Field field : schema.fields()) {
                    struct.put(field, value(node.get(field.name()), field.schema()));
                }
                yield struct;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(item -> items.add(value(item, schema.valueSchema())));
                }
                yield items;
            }
            case INT64 -> node.isNumber() || node.isTextual() ? node.asLong() : null;
            case FLOAT64 -> node.isNumber() || node.isTextual() ? node.asDouble() : null;
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : Boolean.valueOf(node.asText());
            default -> node.isTextual() ? node.asText() : Json.write(node);
        };
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
