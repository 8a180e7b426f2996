package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.Json;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: KeysReplace} — replaces {@code old} with {@code new} in every key, nested objects included; both
 * are templates over {@code record}, {@code stream_slice} and {@code config}.
 * <pre>{@code
 * transformations:
 *   - type: KeysReplace
 *     old: " "
 *     new: "_"
 * }</pre>
 */
@JsonTypeName("KeysReplace")
public record KeysReplaceSpec(
        @JsonProperty(value = "old", required = true) String old,
        @JsonProperty(value = "new", required = true) String replacement,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    public KeysReplaceSpec {
        java.util.Objects.requireNonNull(old, "old is required");
        java.util.Objects.requireNonNull(replacement, "new is required");
    }

    @Override
    public RecordTransformation build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolatedString from = InterpolatedString.of(old, params);
        InterpolatedString to = InterpolatedString.of(replacement, params);
        return (record, recordContext) -> {
            InterpolationContext interpolation = recordContext.forRecord(record);
            return replace(record, from.evalString(interpolation), to.evalString(interpolation));
        };
    }

    /** The object with the keys replaced, or the object itself when no key (at any depth) changes. */
    static ObjectNode replace(ObjectNode object, String from, String to) {
        ObjectNode result = null;
        int position = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().replace(from, to);
            JsonNode value = field.getValue();
            JsonNode replaced = value.isObject() ? replace((ObjectNode) value, from, to) : value;
            if (result == null && (!key.equals(field.getKey()) || replaced != value)) {
                result = Json.object();
                Iterator<Map.Entry<String, JsonNode>> before = object.fields();
                for (int i = 0; i < position; i++) {
                    Map.Entry<String, JsonNode> kept = before.next();
                    result.set(kept.getKey(), kept.getValue());
                }
            }
            if (result != null) {
                result.set(key, replaced);
            }
            position++;
        }
        return result == null ? object : result;
    }
}
