package dev.sluice.declarative.transform;

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
 * {@code type: CustomTransformation} — changes each record (returning a changed copy; the input must not be mutated). Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link RecordTransformation}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code transformations: [{type: CustomTransformation, class_name: com.example.CentsToDollars, field: amount}]}</pre>
 */
@JsonTypeName("CustomTransformation")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomTransformationSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements TransformationSpec {

    public CustomTransformationSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public RecordTransformation build(BuildContext context) {
        return CustomComponents.create(RecordTransformation.class, "CustomTransformation", this, className, fields, parameters, context);
    }
}
