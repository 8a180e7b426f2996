package dev.sluice.declarative.paginator;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomPaginationStrategy} — computes the page tokens of a {@code DefaultPaginator}. Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link PaginationStrategy}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code pagination_strategy: {type: CustomPaginationStrategy, class_name: com.example.NextLinkInBody}}</pre>
 */
@JsonTypeName("CustomPaginationStrategy")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomPaginationStrategySpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PaginationStrategySpec {

    public CustomPaginationStrategySpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public PaginationStrategy build(BuildContext context) {
        return CustomComponents.create(PaginationStrategy.class, "CustomPaginationStrategy", this, className, fields, parameters, context);
    }
}
