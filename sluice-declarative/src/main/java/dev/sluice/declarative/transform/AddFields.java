package dev.sluice.declarative.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.declarative.component.RecordContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link AddFieldsSpec}: values are computed from the original record, then set on a copy. */
final class AddFields implements RecordTransformation {

    record Field(List<String> path, Template value, LiteralTypes types, JsonNode parameters) {
    }

    private static final TextNode EMPTY = TextNode.valueOf("");

    private final List<Field> fields;
    private final @Nullable InterpolatedBoolean condition;

    AddFields(List<Field> fields, @Nullable InterpolatedBoolean condition) {
        this.fields = fields;
        this.condition = condition;
    }

    @Override
    public ObjectNode apply(ObjectNode record, RecordContext context) {
        InterpolationContext recordContext = context.forRecord(record);
        ObjectNode result = record.deepCopy();
        for (Field field : fields) {
            InterpolationContext fieldContext = recordContext.with("parameters", field.parameters());
            JsonNode value = field.value().eval(fieldContext, field.types());
            if (value == null) {
                value = EMPTY;
            }
            if (condition != null && !condition.eval(fieldContext.with("value", value)
                    .with("path", pathNode(field.path())))) {
                continue;
            }
            set(result, field.path(), value);
        }
        return result;
    }

    private static JsonNode pathNode(List<String> path) {
        ArrayNode node = Json.nodes().arrayNode();
        path.forEach(node::add);
        return node;
    }

    /** Sets {@code value} at {@code path}, creating objects (or lists, for all-digit segments) on the way. */
    static void set(ObjectNode record, List<String> path, JsonNode value) {
        JsonNode node = record;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode next = last ? value : childFor(path.get(i + 1));
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                JsonNode existing = object.get(key);
                if (last || existing == null || !existing.isContainerNode()) {
                    object.set(key, next);
                    node = next;
                } else {
                    node = existing;
                }
            } else if (node.isArray() && isIndex(key)) {
                ArrayNode array = (ArrayNode) node;
                int index = Integer.parseInt(key);
                while (array.size() <= index) {
                    array.addNull();
                }
                JsonNode existing = array.get(index);
                if (last || existing == null || !existing.isContainerNode()) {
                    array.set(index, next);
                    node = next;
                } else {
                    node = existing;
                }
            } else {
                return;
            }
        }
    }

    private static JsonNode childFor(String nextKey) {
        return isIndex(nextKey) ? Json.nodes().arrayNode() : Json.object();
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
    }
}
