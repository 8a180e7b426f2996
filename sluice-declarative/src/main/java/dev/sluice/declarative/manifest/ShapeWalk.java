package dev.sluice.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.ComponentShapes.Field;
import dev.sluice.declarative.manifest.ComponentShapes.RecordShape;
import dev.sluice.declarative.manifest.ComponentShapes.SlotShape;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation run: walks a manifest tree along the Java types of the spec records and collects every
 * problem. Slots check their {@code type}, records their keys, lists and maps their elements; other
 * values are bound one by one ({@link LeafValues}); a {@link KindUnion} is walked as the record taking the
 * value's kind.
 */
final class ShapeWalk {

    private final LineMap lines;
    private final Set<String> implemented;
    private final List<ManifestException> errors = new ArrayList<>();
    private final List<ManifestException> warnings = new ArrayList<>();

    ShapeWalk(LineMap lines, Set<String> implemented) {
        this.lines = lines;
        this.implemented = implemented;
    }

    List<ManifestException> errors() {
        return errors;
    }

    List<ManifestException> warnings() {
        return warnings;
    }

    void value(JsonNode node, Type type, ManifestPath path, int line, int depth) {
        if (depth > ManifestLimits.MAX_RESOLVED_DEPTH) {
            error(path, line, "nests deeper than " + ManifestLimits.MAX_RESOLVED_DEPTH + " levels");
            return;
        }
        Class<?> raw = ComponentShapes.raw(type);
        ValidatedAs validatedAs = raw.getAnnotation(ValidatedAs.class);
        if (validatedAs != null) {
            value(node, validatedAs.value(), path, line, depth);
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            if (raw == ObjectNode.class && !node.isObject() || raw == ArrayNode.class && !node.isArray()) {
                error(path, line, "expected " + (raw == ObjectNode.class ? "a mapping" : "a list") + ", found "
                        + JsonKinds.describe(node));
            }
        } else if (ComponentShapes.isSlot(raw)) {
            slot(node, ComponentShapes.slot(raw), path, line, depth);
        } else if (KindUnions.isUnion(raw)) {
            KindUnions.UnionShape union = KindUnions.shape(raw);
            KindUnions.Alternative alternative = union.forNode(node);
            if (alternative == null) {
                error(path, line, "expected " + union.expected() + ", found " + JsonKinds.describe(node));
            } else {
                value(node, alternative.valueType(), path, line, depth);
            }
        } else if (raw.isRecord()) {
            if (expectMapping(node, path, line)) {
                record((ObjectNode) node, ComponentShapes.record(raw), path, line, depth, false);
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            list(node, ComponentShapes.argument(type, 0), path, line, depth);
        } else if (Map.class.isAssignableFrom(raw)) {
            map(node, ComponentShapes.argument(type, 1), path, line, depth);
        } else {
            String problem = LeafValues.check(node, type);
            if (problem != null) {
                error(path, line, problem);
            }
        }
    }

    private void slot(JsonNode node, SlotShape slot, ManifestPath path, int line, int depth) {
        if (!expectMapping(node, path, line)) {
            return;
        }
        Collection<String> allowed = slot.subtypes().keySet();
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            error(path, line, "missing 'type' (expected " + TypeNames.expected(allowed) + ")");
            return;
        }
        Class<?> record = type.isTextual() ? slot.subtypes().get(type.textValue()) : null;
        if (record == null) {
            error(path, lines.lineOf(node, "type"), type.isTextual()
                    ? TypeNames.unknownType(type.textValue(), allowed, implemented)
                    : "'type' must be a string, found " + JsonKinds.describe(type));
            return;
        }
        record((ObjectNode) node, ComponentShapes.record(record), path, line, depth, true);
    }

    private void record(ObjectNode node, RecordShape shape, ManifestPath path, int line, int depth, boolean typed) {
        if (!typed) {
            checkDeclaredType(node, shape, path, line);
        }
        for (Field field : shape.fields()) {
            JsonNode value = node.get(field.name());
            ManifestPath child = path.field(field.name());
            if (value == null) {
                if (field.required()) {
                    error(path, line, "missing required field '" + field.name() + "'");
                }
            } else if (value.isNull()) {
                if (field.required() || ComponentShapes.raw(field.type()).isPrimitive()) {
                    error(child, lines.lineOf(node, field.name()), "must not be null");
                }
            } else if (field.unsupported() != null) {
                error(child, lines.lineOf(node, field.name()), "unsupported component " + field.unsupported());
            } else {
                Type type = field.singleAsList() && !value.isArray() ? ComponentShapes.argument(field.type(), 0)
                        : field.type();
                value(value, type, child, lines.lineOf(node, field.name()), depth + 1);
            }
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!shape.knownKeys().contains(key)) {
                unknownKey(node, shape, key, path);
            }
        }
    }

    private void checkDeclaredType(ObjectNode node, RecordShape shape, ManifestPath path, int line) {
        JsonNode type = node.get("type");
        String expected = shape.typeName();
        if (expected == null) {
            return;
        }
        if (type == null || type.isNull()) {
            if (shape.typeRequired()) {
                error(path, line, "missing 'type' (expected '" + expected + "')");
            }
        } else if (!type.isTextual() || !type.textValue().equals(expected)) {
            error(path, lines.lineOf(node, "type"), type.isTextual()
                    ? TypeNames.unknownType(type.textValue(), List.of(expected), implemented)
                    : "'type' must be a string, found " + JsonKinds.describe(type));
        }
    }

    private void unknownKey(ObjectNode node, RecordShape shape, String key, ManifestPath path) {
        String nearest = TypeNames.nearest(key, shape.fields().stream().map(Field::name).toList());
        String problem = "unknown field" + (nearest == null ? "" : " (did you mean '" + nearest + "'?)");
        ManifestPath child = path.field(key);
        int line = lines.lineOf(node, key);
        if (shape.closed()) {
            error(child, line, problem);
        } else if (!shape.ignoreUnknown() && !node.path("$parameters").has(key)) {
            warnings.add(new ManifestException(child.toString(), line, problem + "; it is ignored"));
        }
    }

    private void list(JsonNode node, Type elementType, ManifestPath path, int line, int depth) {
        if (!node.isArray()) {
            error(path, line, "expected a list, found " + JsonKinds.describe(node));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            element(node.get(i), elementType, path.index(i), lines.lineOf(node, i), depth);
        }
    }

    private void map(JsonNode node, Type valueType, ManifestPath path, int line, int depth) {
        if (!expectMapping(node, path, line)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            element(field.getValue(), valueType, path.field(field.getKey()), lines.lineOf(node, field.getKey()), depth);
        }
    }

    private void element(JsonNode value, Type type, ManifestPath path, int line, int depth) {
        if (value.isNull()) {
            error(path, line, "must not be null");
        } else {
            value(value, type, path, line, depth + 1);
        }
    }

    private boolean expectMapping(JsonNode node, ManifestPath path, int line) {
        if (!node.isObject()) {
            error(path, line, "expected a mapping, found " + JsonKinds.describe(node));
        }
        return node.isObject();
    }

    private void error(ManifestPath path, int line, String problem) {
        // The top level has an empty path; name it, so that a manifest given as JSON (no lines) is still located.
        errors.add(new ManifestException(path.isRoot() ? "(top level)" : path.toString(), line, problem));
    }
}
