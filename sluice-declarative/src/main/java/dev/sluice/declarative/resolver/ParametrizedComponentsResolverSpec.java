package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.FailureType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ParametrizedComponentsResolver} — one stream per mapping of
 * {@code stream_parameters.list_of_parameters_for_stream}, which is the mappings' {@code components_values}. A
 * mapping's {@code condition} is refused here, as by the reference.
 * <pre>{@code
 * components_resolver:
 *   type: ParametrizedComponentsResolver
 *   stream_parameters:
 *     type: StreamParametersDefinition
 *     list_of_parameters_for_stream: [{name: contacts}, {name: deals}]
 *   components_mapping:
 *     - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['name'] }}"}
 * }</pre>
 */
@JsonTypeName("ParametrizedComponentsResolver")
public record ParametrizedComponentsResolverSpec(
        @JsonProperty(value = "stream_parameters", required = true) StreamParametersDefinitionSpec streamParameters,
        @JsonProperty(value = "components_mapping", required = true)
        List<ComponentMappingDefinitionSpec> componentsMapping,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ComponentsResolverSpec {

    public ParametrizedComponentsResolverSpec {
        requireNonNull(streamParameters, "stream_parameters is required");
        componentsMapping = List.copyOf(requireNonNull(componentsMapping, "components_mapping is required"));
        MappingChecks.refuseConditions(componentsMapping, "ParametrizedComponentsResolver");
    }

    @Override
    public ComponentsResolver build(BuildContext context, @Nullable String definitionName) {
        List<ComponentMapping> mappings = componentsMapping.stream()
                .map(mapping -> mapping.build(context, ComponentMapping.Rules.PARAMETRIZED)).toList();
        List<ObjectNode> values = streamParameters.listOfParametersForStream();
        return new ValueListResolver(values, mappings, context.interpolation(), FailureType.SYSTEM_ERROR);
    }
}
