package dev.sluice.declarative.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: AddFields} — sets fields on each record, creating missing parents. Each {@code value} is a
 * template over {@code record} (with the fields added before it), {@code stream_slice} and {@code config}; an
 * optional {@code condition} (which also sees {@code value} and {@code path}) decides per field.
 * <pre>{@code
 * transformations:
 *   - type: AddFields
 *     fields:
 *       - path: ["parent_id"]
 *         value: "{{ stream_slice.parent_id }}"
 * }</pre>
 */
@JsonTypeName("AddFields")
public record AddFieldsSpec(
        @JsonProperty(value = "fields", required = true) List<AddedFieldDefinitionSpec> fields,
        @JsonProperty("condition") @Nullable String condition,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    public AddFieldsSpec {
        fields = List.copyOf(fields);
    }

    @Override
    public RecordTransformation build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        List<AddFields.Field> compiled = fields.stream().map(field -> new AddFields.Field(field.path(),
                Template.compile(field.value()),
                field.valueType() == null ? LiteralTypes.ANY : field.valueType().literalTypes(),
                field.parameters() == null ? params : field.parameters(), AddFields.pathNode(field.path()))).toList();
        InterpolatedBoolean when = condition == null || condition.isEmpty() ? null
                : InterpolatedBoolean.of(condition, params);
        return new AddFields(compiled, when);
    }
}
