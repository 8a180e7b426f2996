package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.declarative.partition.PartitionRouterSpec;
import dev.sluice.declarative.transform.RecordTransformation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomRetriever} — reads the stream's records with a Java class instead of a {@code SimpleRetriever}:
 * it is handed each slice (one empty slice, or the cursor's windows) and passes on the records it reads, which the
 * stream's cursor then filters and counts as any stream's. Its class, named by {@code class_name} and loaded from the
 * source's class loader, implements {@link Retriever}; the component's other fields and {@code $parameters} reach it
 * through its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code retriever: {type: CustomRetriever, class_name: com.example.SoapRetriever, endpoint: "{{ config.url }}"}}</pre>
 */
@JsonTypeName("CustomRetriever")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomRetrieverSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @JsonProperty(CustomComponents.OTHER_FIELDS)
        @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements PageRetrieverSpec {

    public CustomRetrieverSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public StreamRetriever build(BuildContext context, String streamName, List<RecordTransformation> transformations,
            Supplier<ObjectNode> schema, boolean transformBeforeFilteringByDefault) {
        Retriever retriever = CustomComponents.create(Retriever.class, "CustomRetriever", this, className, fields,
                parameters, context);
        return (slice, sliceOptions, gate, records) -> retriever.read(slice, sliceOptions, record -> {
            if (gate.keep(record)) {
                records.accept(record);
            }
        });
    }

    /** A custom retriever partitions its stream itself, if at all. */
    @Override
    public List<PartitionRouterSpec> partitionRouter() {
        return List.of();
    }
}
