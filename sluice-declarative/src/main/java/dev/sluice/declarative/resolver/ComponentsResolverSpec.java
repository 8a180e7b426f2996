package dev.sluice.declarative.resolver;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import org.jspecify.annotations.Nullable;

/** What {@code DynamicDeclarativeStream.components_resolver} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(HttpComponentsResolverSpec.class),
        @JsonSubTypes.Type(ConfigComponentsResolverSpec.class),
        @JsonSubTypes.Type(ParametrizedComponentsResolverSpec.class)})
public sealed interface ComponentsResolverSpec permits HttpComponentsResolverSpec, ConfigComponentsResolverSpec,
        ParametrizedComponentsResolverSpec {

    /**
     * The resolver of one run.
     *
     * @param definitionName the dynamic stream definition's {@code name}, or null when it has none (an endpoint's
     *     retriever is named after it)
     */
    ComponentsResolver build(BuildContext context, @Nullable String definitionName);
}
