package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.http.BackoffStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomBackoffStrategy} — how long to wait before a retry. Its class, named by {@code class_name} and loaded from the source's class
 * loader, implements {@link BackoffStrategy}; the component's other fields and {@code $parameters} reach it through
 * its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code backoff_strategies: [{type: CustomBackoffStrategy, class_name: com.example.QuotaBackoff}]}</pre>
 */
@JsonTypeName("CustomBackoffStrategy")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomBackoffStrategySpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements BackoffStrategySpec {

    public CustomBackoffStrategySpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public BackoffStrategy build(BuildContext context) {
        // The HTTP loop waits one second more than any manifest strategy says, as the reference does.
        return Backoffs.plusOneSecond(CustomComponents.create(BackoffStrategy.class, "CustomBackoffStrategy", this, className, fields, parameters, context));
    }
}
