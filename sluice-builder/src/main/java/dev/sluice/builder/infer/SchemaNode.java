package dev.sluice.builder.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schema of every value seen at one place, merged the way genson (the library the reference's inferrer builds
 * on) merges: one strategy per kind of value (null, boolean, number, string, array, object) in the order the kinds
 * first appeared; plain types combine into one {@code type} (a sorted list when several), anything richer makes an
 * {@code anyOf}. As the reference's {@code NoRequiredSchemaBuilder}: integers are {@code number} and objects list no
 * {@code required}.
 */
final class SchemaNode {

    private final List<Kind> kinds = new ArrayList<>();

    void add(JsonNode value) {
        for (Kind kind : kinds) {
            if (kind.matches(value)) {
                kind.add(value);
                return;
            }
        }
        Kind kind = Kind.of(value);
        kind.add(value);
        kinds.add(kind);
    }

    boolean isEmpty() {
        return kinds.isEmpty();
    }

    ObjectNode toSchema() {
        TreeSet<String> types = new TreeSet<>();
        List<ObjectNode> richer = new ArrayList<>();
        for (Kind kind : kinds) {
            ObjectNode schema = kind.toSchema();
            if (schema.size() == 1 && schema.has("type")) {
                types.add(schema.get("type").asText());
            } else {
                richer.add(schema);
            }
        }
        List<ObjectNode> schemas = new ArrayList<>();
        if (!types.isEmpty()) {
            ObjectNode typed = Json.object();
            if (types.size() == 1) {
                typed.put("type", types.first());
            } else {
                ArrayNode list = typed.putArray("type");
                types.forEach(list::add);
            }
            schemas.add(typed);
        }
        schemas.addAll(richer);
        if (schemas.size() == 1) {
            return schemas.get(0);
        }
        ObjectNode result = Json.object();
        if (!schemas.isEmpty()) {
            ArrayNode anyOf = result.putArray("anyOf");
            schemas.forEach(anyOf::add);
        }
        return result;
    }

    /** One kind of value and what has been seen of it. */
    private abstract static class Kind {

        static Kind of(JsonNode value) {
            if (value.isNull() || value.isMissingNode()) {
                return new Scalar("null");
            }
            if (value.isBoolean()) {
                return new Scalar("boolean");
            }
            if (value.isNumber()) {
                return new Scalar("number");
            }
            if (value.isArray()) {
                return new ArrayKind();
            }
            if (value.isObject()) {
                return new ObjectKind();
            }
            return new Scalar("string");
        }

        abstract boolean matches(JsonNode value);

        abstract void add(JsonNode value);

        abstract ObjectNode toSchema();
    }

    private static final class Scalar extends Kind {
        private final String type;

        Scalar(String type) {
            this.type = type;
        }

        @Override
        boolean matches(JsonNode value) {
            return !value.isArray() && !value.isObject() && Kind.of(value) instanceof Scalar scalar
                    && scalar.type.equals(type);
        }

        @Override
        void add(JsonNode value) {
        }

        @Override
        ObjectNode toSchema() {
            ObjectNode schema = Json.object();
            schema.put("type", type);
            return schema;
        }
    }

    private static final class ArrayKind extends Kind {
        private final SchemaNode items = new SchemaNode();

        @Override
        boolean matches(JsonNode value) {
            return value.isArray();
        }

        @Override
        void add(JsonNode value) {
            value.forEach(items::add);
        }

        @Override
        ObjectNode toSchema() {
            ObjectNode schema = Json.object();
            schema.put("type", "array");
            if (!items.isEmpty()) {
                schema.set("items", items.toSchema());
            }
            return schema;
        }
    }

    private static final class ObjectKind extends Kind {
        private final Map<String, SchemaNode> properties = new LinkedHashMap<>();

        @Override
        boolean matches(JsonNode value) {
            return value.isObject();
        }

        @Override
        void add(JsonNode value) {
            value.fields().forEachRemaining(field -> properties.computeIfAbsent(field.getKey(), key -> new SchemaNode())
                    .add(field.getValue()));
        }

        @Override
        ObjectNode toSchema() {
            ObjectNode schema = Json.object();
            schema.put("type", "object");
            if (!properties.isEmpty()) {
                ObjectNode props = schema.putObject("properties");
                properties.forEach((name, node) -> props.set(name, node.toSchema()));
            }
            return schema;
        }
    }
}
