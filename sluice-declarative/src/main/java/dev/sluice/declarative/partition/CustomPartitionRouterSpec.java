package dev.sluice.declarative.partition;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.StreamState;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomPartitionRouter} — splits the stream into partitions (slices). Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link PartitionRouter}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code partition_router: {type: CustomPartitionRouter, class_name: com.example.RegionsRouter}}</pre>
 */
@JsonTypeName("CustomPartitionRouter")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomPartitionRouterSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PartitionRouterSpec {

    public CustomPartitionRouterSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public PartitionRouter build(BuildContext context, StreamState streamState) {
        return CustomComponents.create(PartitionRouter.class, "CustomPartitionRouter", this, className, fields, parameters, context);
    }
}
