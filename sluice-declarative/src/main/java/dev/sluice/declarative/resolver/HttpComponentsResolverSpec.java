package dev.sluice.declarative.resolver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.partition.CartesianProductRouter;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.retriever.RetrieverSpec;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: HttpComponentsResolver} — one stream per record the {@code retriever} reads (all pages of every
 * partition of its {@code partition_router}); the record is the mappings' {@code components_values} and its
 * partition their {@code stream_slice}. Mappings write only where the template already has the path:
 * {@code condition} and {@code create_or_update} are refused here (the reference refuses the first and ignores
 * the second).
 * <pre>{@code
 * components_resolver:
 *   type: HttpComponentsResolver
 *   retriever:
 *     type: SimpleRetriever
 *     requester: {type: HttpRequester, url_base: "https://api.example.com", path: /tables}
 *     record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [tables]}}
 *   components_mapping:
 *     - {type: ComponentMappingDefinition, field_path: [name], value: "{{ components_values['name'] }}"}
 * }</pre>
 */
@JsonTypeName("HttpComponentsResolver")
public record HttpComponentsResolverSpec(
        @JsonProperty(value = "retriever", required = true) RetrieverSpec retriever,
        @JsonProperty(value = "components_mapping", required = true)
        List<ComponentMappingDefinitionSpec> componentsMapping,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ComponentsResolverSpec {

    /** The retriever's name when the dynamic stream definition has none, as in the reference. */
    static final String DEFAULT_RETRIEVER_NAME = "__http_components_resolver";

    public HttpComponentsResolverSpec {
        requireNonNull(retriever, "retriever is required");
        componentsMapping = List.copyOf(requireNonNull(componentsMapping, "components_mapping is required"));
        MappingChecks.refuseConditions(componentsMapping, "HttpComponentsResolver");
        MappingChecks.refuseCreateOrUpdate(componentsMapping, "HttpComponentsResolver");
    }

    @Override
    public ComponentsResolver build(BuildContext context, @Nullable String definitionName) {
        String name = definitionName == null || definitionName.isEmpty() ? DEFAULT_RETRIEVER_NAME : definitionName;
        List<ComponentMapping> mappings = componentsMapping.stream()
                .map(mapping -> mapping.build(context, ComponentMapping.Rules.HTTP)).toList();
        List<PartitionRouter> routers = new ArrayList<>();
        for (PartitionRouterSpec router : retriever.partitionRouter()) {
            routers.add(router.build(context, StreamState.empty()));
        }
        return new HttpComponentsResolver(retriever.build(context, name),
                routers.isEmpty() ? null : CartesianProductRouter.of(routers), mappings, context.interpolation());
    }
}
