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
 * {@code type: CustomValidationStrategy} — judges a value a config validator took from the config, with a Java class.
 * Its class, named by {@code class_name} and loaded from the source's class loader, implements {@link
 * ValidationStrategy}; the component's other fields and {@code $parameters} reach it through its {@link
 * dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code validation_strategy: {type: CustomValidationStrategy, class_name: com.example.IsoCountryCode}}</pre>
 */
@JsonTypeName("CustomValidationStrategy")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomValidationStrategySpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @JsonProperty(CustomComponents.OTHER_FIELDS)
        @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ValidationStrategySpec {

    public CustomValidationStrategySpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public ValidationStrategy build(BuildContext context) {
        return CustomComponents.create(ValidationStrategy.class, "CustomValidationStrategy", this, className, fields,
                parameters, context);
    }
}
