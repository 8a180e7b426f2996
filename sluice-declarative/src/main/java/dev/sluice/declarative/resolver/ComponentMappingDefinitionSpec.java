package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.transform.ValueType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ComponentMappingDefinition} — where a generated stream differs from its template: the rendered
 * {@code value} (over {@code config}, {@code components_values}, {@code stream_template_config}, and for an
 * endpoint's resolver {@code stream_slice}) is written at every path of the stream the {@code field_path} glob
 * matches. {@code create_or_update} writes it at the literal path when nothing matched; {@code condition} skips the
 * mapping for a value it is false for. Both belong to the config and parametrized resolvers only ({@code condition}
 * to the config resolver only), as in the reference.
 * <pre>{@code
 * components_mapping:
 *   - type: ComponentMappingDefinition
 *     field_path: ["**", "name"]
 *     value: "report_{{ components_values['name'] }}"
 *   - type: ComponentMappingDefinition
 *     field_path: [primary_key]
 *     value: "{{ components_values['key'] }}"
 *     create_or_update: true
 *     condition: "{{ components_values.get('key') }}"
 * }</pre>
 */
@JsonTypeName("ComponentMappingDefinition")
public record ComponentMappingDefinitionSpec(
        @JsonProperty(value = "field_path", required = true) List<String> fieldPath,
        @JsonProperty(value = "value", required = true) String value,
        @JsonProperty("value_type") @Nullable ValueType valueType,
        @JsonProperty("create_or_update") @Nullable Boolean createOrUpdate,
        @JsonProperty("condition") @Nullable String condition,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public ComponentMappingDefinitionSpec {
        fieldPath = List.copyOf(requireNonNull(fieldPath, "field_path is required"));
        requireNonNull(value, "value is required");
        if (fieldPath.isEmpty()) {
            throw new IllegalArgumentException("field_path: a mapping needs at least one segment");
        }
    }

    boolean createsMissingPaths() {
        return Boolean.TRUE.equals(createOrUpdate);
    }

    boolean hasCondition() {
        return condition != null && !condition.isEmpty();
    }

    ComponentMapping build(BuildContext context, ComponentMapping.Rules rules) {
        JsonNode params = BuildContext.parameters(parameters);
        List<InterpolatedString> path = fieldPath.stream().map(segment -> InterpolatedString.of(segment, params))
                .toList();
        LiteralTypes types = valueType == null ? LiteralTypes.ANY : valueType.literalTypes();
        InterpolatedBoolean when = rules.conditions() && hasCondition()
                ? InterpolatedBoolean.of(requireNonNull(condition), params) : null;
        return new ComponentMapping(path, InterpolatedString.of(value, params), types, when,
                rules.createOrUpdate() && createsMissingPaths(), rules);
    }
}
