package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: KeysToLower} — lower-cases the record's top-level keys (nested objects keep theirs). When two keys
 * collide ({@code Id} and {@code id}), the one that was not already lower case wins, as in the reference.
 * <pre>{@code transformations: [{type: KeysToLower}]}</pre>
 */
@JsonTypeName("KeysToLower")
public record KeysToLowerSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters)
        implements TransformationSpec {

    @Override
    public RecordTransformation build(BuildContext context) {
        return (record, recordContext) -> lower(record);
    }

    static ObjectNode lower(ObjectNode record) {
        if (!hasUpperCaseKey(record)) {
            return record;
        }
        ObjectNode result = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String lower = field.getKey().toLowerCase(Locale.ROOT);
            // Python pops and re-inserts every key, so a key that had to change overwrites its lower-case twin.
            if (lower.equals(field.getKey()) && result.has(lower)) {
                continue;
            }
            result.set(lower, field.getValue());
        }
        return result;
    }

    private static boolean hasUpperCaseKey(ObjectNode record) {
        Iterator<String> names = record.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
