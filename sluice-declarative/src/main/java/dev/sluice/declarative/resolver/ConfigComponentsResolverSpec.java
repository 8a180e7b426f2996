package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.protocol.FailureType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConfigComponentsResolver} — one stream per value found in the config: every combination of the
 * values of its {@code stream_config}s (one {@code StreamConfig} or a list; several combine as a cartesian product,
 * mappings merged, other values kept as {@code source_config_<i>: [index, value]}).
 * <pre>{@code
 * components_resolver:
 *   type: ConfigComponentsResolver
 *   stream_config: {type: StreamConfig, configs_pointer: [custom_reports]}
 *   components_mapping:
 *     - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['name'] }}"}
 * }</pre>
 */
@JsonTypeName("ConfigComponentsResolver")
public record ConfigComponentsResolverSpec(
        @JsonProperty(value = "stream_config", required = true)
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<StreamConfigSpec> streamConfig,
        @JsonProperty(value = "components_mapping", required = true)
        List<ComponentMappingDefinitionSpec> componentsMapping,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ComponentsResolverSpec {

    public ConfigComponentsResolverSpec {
        streamConfig = List.copyOf(requireNonNull(streamConfig, "stream_config is required"));
        componentsMapping = List.copyOf(requireNonNull(componentsMapping, "components_mapping is required"));
    }

    @Override
    public ComponentsResolver build(BuildContext context, @Nullable String definitionName) {
        List<ComponentMapping> mappings = componentsMapping.stream()
                .map(mapping -> mapping.build(context, ComponentMapping.Rules.CONFIG)).toList();
        return new ValueListResolver(ConfigCombinations.combinations(streamConfig, context), mappings,
                context.interpolation(), FailureType.CONFIG_ERROR);
    }
}
