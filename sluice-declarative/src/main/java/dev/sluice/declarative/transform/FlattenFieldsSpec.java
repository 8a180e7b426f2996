package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: FlattenFields} — replaces nested objects (and, unless {@code flatten_lists: false}, lists) by their
 * leaves. A leaf keeps its own key while that key is free; a key already taken is prefixed with its parent's key
 * ({@code RootField.List}), and once a list has been flattened every later key carries its full path
 * ({@code ListExample.0.A}). Keys are produced in the reference's (stack) order.
 * <pre>{@code transformations: [{type: FlattenFields, flatten_lists: false}]}</pre>
 */
@JsonTypeName("FlattenFields")
public record FlattenFieldsSpec(
        @JsonProperty("flatten_lists") @Nullable Boolean flattenLists,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    @Override
    public RecordTransformation build(BuildContext context) {
        boolean lists = flattenLists == null || flattenLists;
        return (record, recordContext) -> flatten(record, lists);
    }

    private record Pending(JsonNode value, String key) {
    }

    static ObjectNode flatten(ObjectNode record, boolean flattenLists) {
        ObjectNode result = Json.object();
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(record, "_"));
        boolean withParentName = false;
        while (!stack.isEmpty()) {
            Pending current = stack.pop();
            JsonNode value = current.value();
            if (value.isObject()) {
                // Children are pushed in order and popped in reverse, exactly as the reference's list-as-stack.
                List<Pending> children = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String key = result.has(field.getKey()) || withParentName
                            ? current.key() + "." + field.getKey() : field.getKey();
                    children.add(new Pending(field.getValue(), key));
                }
                children.forEach(stack::push);
            } else if (value.isArray() && flattenLists) {
                for (int i = 0; i < value.size(); i++) {
                    withParentName = true;
                    stack.push(new Pending(value.get(i), current.key() + "." + i));
                }
            } else {
                result.set(current.key(), value);
            }
        }
        return result;
    }
}
