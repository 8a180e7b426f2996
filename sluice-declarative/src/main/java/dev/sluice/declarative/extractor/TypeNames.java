package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** JSON-schema type names of values, as the reference's normalisation warnings print them. */
final class TypeNames {

    private static final int MAX_DEPTH = 3;

    private TypeNames() {
    }

    /** Draft 7's type check ({@code 1.0} is an integer; a boolean is not a number); unknown names pass. */
    static boolean matches(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    /** The reference's {@code _get_type_structure}: a type name, or a mapping of them for objects. */
    static String structure(JsonNode value, int depth) {
        if (value.isNull()) {
            return "null";
        }
        if (!value.isObject()) {
            return name(value);
        }
        if (depth >= MAX_DEPTH) {
            return "object";
        }
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String inner = structure(field.getValue(), depth + 1);
            out.append('\'').append(field.getKey()).append("': ")
                    .append(inner.startsWith("{") ? inner : "'" + inner + "'");
            if (fields.hasNext()) {
                out.append(", ");
            }
        }
        return out.append('}').toString();
    }

    private static String name(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isArray() ? "array" : "object";
    }

    /** A schema's {@code type} as Python prints it: {@code integer}, or {@code ['string', 'null']}. */
    static String pythonRepr(JsonNode type) {
        if (type.isTextual()) {
            return type.textValue();
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < type.size(); i++) {
            out.append(i > 0 ? ", " : "").append('\'').append(type.get(i).asText()).append('\'');
        }
        return out.append(']').toString();
    }
}
