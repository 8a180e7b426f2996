package dev.sluice.declarative.extractor;

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
 * {@code type: CustomSchemaNormalization} — makes each selected record fit the stream's schema, in place of
 * {@code schema_normalization: Default}. Its class, named by {@code class_name} and loaded from the
 * source's class loader, implements {@link RecordNormalizer}; the component's other fields and {@code $parameters} reach it
 * through its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code schema_normalization: {type: CustomSchemaNormalization, class_name: com.example.NumbersAsStrings}}</pre>
 */
@JsonTypeName("CustomSchemaNormalization")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomSchemaNormalizationSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public CustomSchemaNormalizationSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The normaliser of one stream. */
    public RecordNormalizer build(BuildContext context) {
        return CustomComponents.create(RecordNormalizer.class, "CustomSchemaNormalization", this, className, fields,
                parameters, context);
    }
}
