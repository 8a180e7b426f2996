package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.PythonText;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DpathFlattenFields} — lifts the keys of the object at {@code field_path} (a dpath glob; with
 * {@code *} the first match) into the record, unless one of them is already a key of the record;
 * {@code delete_origin_value} removes the object afterwards, {@code replace_record} makes it the whole record,
 * and {@code key_transformation} adds a prefix or suffix to the lifted keys.
 * <pre>{@code
 * transformations:
 *   - type: DpathFlattenFields
 *     field_path: ["properties"]
 *     delete_origin_value: true
 *     key_transformation: {type: KeyTransformation, prefix: "property_"}
 * }</pre>
 */
@JsonTypeName("DpathFlattenFields")
public record DpathFlattenFieldsSpec(
        @JsonProperty(value = "field_path", required = true) List<String> fieldPath,
        @JsonProperty("delete_origin_value") @Nullable Boolean deleteOriginValue,
        @JsonProperty("replace_record") @Nullable Boolean replaceRecord,
        @JsonProperty("key_transformation") @Nullable KeyTransformationSpec keyTransformation,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    public DpathFlattenFieldsSpec {
        fieldPath = List.copyOf(fieldPath);
    }

    @Override
    public RecordTransformation build(BuildContext context) {
        // Path, prefix and suffix only see config, so they are evaluated once.
        JsonNode params = BuildContext.parameters(parameters);
        InterpolationContext interpolation = context.interpolation();
        List<String> path = fieldPath.stream()
                .map(segment -> InterpolatedString.of(segment, params).evalString(interpolation)).toList();
        String prefix = keyTransformation == null ? "" : affix(keyTransformation.prefix(), params, interpolation);
        String suffix = keyTransformation == null ? "" : affix(keyTransformation.suffix(), params, interpolation);
        return new DpathFlattenFields(path, Boolean.TRUE.equals(deleteOriginValue), Boolean.TRUE.equals(replaceRecord),
                prefix, suffix);
    }

    /** The rendered prefix or suffix; a falsy value (empty, 0, None, False) adds nothing, as in the reference. */
    private static String affix(@Nullable String text, JsonNode params, InterpolationContext interpolation) {
        if (text == null) {
            return "";
        }
        JsonNode value = InterpolatedString.of(text, params).eval(interpolation);
        return Truthiness.of(value) ? PythonText.str(value) : "";
    }
}
