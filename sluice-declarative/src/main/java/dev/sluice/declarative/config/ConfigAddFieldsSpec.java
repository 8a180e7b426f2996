package dev.sluice.declarative.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.interpolation.Template;
import dev.sluice.declarative.transform.AddedFieldDefinitionSpec;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConfigAddFields} — sets fields of the config, creating missing parents. Each {@code value} is a
 * template over {@code config} (which already holds the fields added before it); an optional {@code condition},
 * which also sees the rendered {@code value} and the field's {@code path}, decides per field.
 * <pre>{@code
 * - type: ConfigAddFields
 *   fields:
 *     - {path: ["derived_field"], value: "{{ config.original_field }}"}
 *     - {path: ["parent", "child"], value: "nested"}
 *   condition: "{{ config.flag == true }}"
 * }</pre>
 */
@JsonTypeName("ConfigAddFields")
public record ConfigAddFieldsSpec(
        @JsonProperty(value = "fields", required = true) List<AddedFieldDefinitionSpec> fields,
        @JsonProperty("condition") @Nullable String condition) implements ConfigTransformationSpec {

    public ConfigAddFieldsSpec {
        fields = List.copyOf(fields);
    }

    @Override
    public ConfigTransformation build(BuildContext context) {
        // The reference builds the config components with empty $parameters, whatever the manifest propagates.
        List<ConfigAddFields.Field> compiled = fields.stream().map(field -> new ConfigAddFields.Field(field.path(),
                Template.compile(field.value()),
                field.valueType() == null ? LiteralTypes.ANY : field.valueType().literalTypes())).toList();
        InterpolatedBoolean when = condition == null || condition.isEmpty() ? null
                : InterpolatedBoolean.of(condition, Json.object());
        return new ConfigAddFields(compiled, when);
    }
}
