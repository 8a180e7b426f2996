package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RecordException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link AddFieldsSpec}. Fields are added in order and each template sees the record with the
 * previous fields already added (the reference edits the record in place). Only the objects along each path are
 * copied; the input record is never modified.
 */
final class AddFields implements RecordTransformation {

    record Field(List<String> path, Template value, LiteralTypes types, JsonNode parameters, JsonNode pathNode) {
    }

    private static final TextNode EMPTY = TextNode.valueOf("");

    private final List<Field> fields;
    private final @Nullable InterpolatedBoolean condition;

    AddFields(List<Field> fields, @Nullable InterpolatedBoolean condition) {
        this.fields = List.copyOf(fields);
        this.condition = condition;
    }

    static JsonNode pathNode(List<String> path) {
        ArrayNode node = Json.nodes().arrayNode();
        path.forEach(node::add);
        return node;
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        RecordCopy copy = new RecordCopy(record);
        for (Field field : fields) {
            InterpolationContext fieldContext = context.forRecord(copy.result()).with("parameters", field.parameters());
            JsonNode value = value(field, fieldContext);
            if (condition != null && !condition.eval(fieldContext.with("value", value).with("path", field.pathNode()))) {
                continue;
            }
            set(copy, field.path(), value);
        }
        return copy.result();
    }

    /**
     * The reference builds each value as an {@code InterpolatedString} whose default is its own text
     * (transformations/add_fields.py): an empty render re-renders to {@code ""}, while an undefined error (an
     * attribute, item or call on a missing value) raises again from the re-render and fails the record's partition.
     */
    private static JsonNode value(Field field, InterpolationContext context) {
        JsonNode value;
        try {
            value = field.value().eval(context, field.types(), field.value());
        } catch (ConnectorException e) {
            String problem = "AddFields could not compute the value of field " + field.path() + ": ";
            throw new ConnectorException(e.failureType(), problem + e.userMessage(), problem + e.getMessage(), e);
        }
        return value == null ? EMPTY : value;
    }

    /**
     * dpath's {@code new}: sets {@code value} at {@code path}, creating missing parents (a list when the next
     * segment is all digits, else an object) and padding lists with nulls. A scalar in the way is an error, as in
     * the reference.
     */
    static void set(RecordCopy copy, List<String> path, JsonNode value) {
        ContainerNode<?> node = copy.writableRoot();
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = path.get(i);
            DpathGlob.Step step = step(node, segment, path);
            JsonNode existing = RecordCopy.child(node, step);
            if (existing == null) {
                ContainerNode<?> created = copy.created(isIndex(path.get(i + 1))
                        ? Json.nodes().arrayNode() : Json.object());
                put(node, step, created);
                node = created;
            } else if (existing.isContainerNode()) {
                node = copy.own(node, step, (ContainerNode<?>) existing);
            } else {
                throw new RecordException("AddFields cannot set " + path + ": " + path.subList(0, i + 1)
                        + " holds " + existing.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not an object or a list");
            }
        }
        put(node, step(node, path.get(path.size() - 1), path), value);
    }

    private static DpathGlob.Step step(ContainerNode<?> node, String segment, List<String> path) {
        if (node.isObject()) {
            return new DpathGlob.Step(segment, -1, 0);
        }
        if (!isIndex(segment)) {
            throw new RecordException("AddFields cannot set " + path + ": '" + segment + "' is not an index of a list");
        }
        return new DpathGlob.Step(null, Integer.parseInt(segment), node.size());
    }

    private static void put(ContainerNode<?> node, DpathGlob.Step step, JsonNode value) {
        if (node.isObject()) {
            ((ObjectNode) node).set(step.key(), value);
            return;
        }
        ArrayNode array = (ArrayNode) node;
        while (array.size() <= step.index()) {
            array.addNull();
        }
        array.set(step.index(), value);
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
    }
}
