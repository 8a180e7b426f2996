package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RemoveFields} — removes the fields at {@code field_pointers}, each a dpath glob ({@code *} matches
 * one key or index, {@code **} any depth); paths that do not exist are ignored. With a {@code condition} (a
 * template over {@code property}, the matched value, and {@code config}), only the matched scalar values for
 * which it is true are removed.
 * <pre>{@code
 * transformations:
 *   - type: RemoveFields
 *     field_pointers: [["_links"], ["data", "*", "internal_id"]]
 *   - type: RemoveFields
 *     field_pointers: [["**"]]
 *     condition: "{{ property is none }}"
 * }</pre>
 */
@JsonTypeName("RemoveFields")
public record RemoveFieldsSpec(
        @JsonProperty(value = "field_pointers", required = true) List<List<String>> fieldPointers,
        @JsonProperty("condition") @Nullable String condition,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    public RemoveFieldsSpec {
        fieldPointers = fieldPointers.stream().map(List::copyOf).toList();
        fieldPointers.forEach(DpathGlob::of);
    }

    @Override
    public RecordTransformation build(BuildContext context) {
        InterpolatedBoolean when = condition == null || condition.isEmpty() ? null
                : InterpolatedBoolean.of(condition, BuildContext.parameters(parameters));
        return new RemoveFields(fieldPointers.stream().map(DpathGlob::of).toList(), when);
    }
}
