package dev.sluice.declarative.config;

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
 * {@code type: CustomConfigTransformation} — one step of a config migration or transformation, done by a Java class.
 * Its class, named by {@code class_name} and loaded from the source's class loader, implements {@link
 * ConfigTransformation}; the component's other fields and {@code $parameters} reach it through its {@link
 * dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code transformations: [{type: CustomConfigTransformation, class_name: com.example.SplitCredentials}]}</pre>
 */
@JsonTypeName("CustomConfigTransformation")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomConfigTransformationSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @JsonProperty(CustomComponents.OTHER_FIELDS)
        @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ConfigTransformationSpec {

    public CustomConfigTransformationSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public ConfigTransformation build(BuildContext context) {
        return CustomComponents.create(ConfigTransformation.class, "CustomConfigTransformation", this, className,
                fields, parameters, context);
    }
}
