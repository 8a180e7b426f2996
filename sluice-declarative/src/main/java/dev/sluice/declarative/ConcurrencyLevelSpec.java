package dev.sluice.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConcurrencyLevel} — how many partitions are read at once: {@code default_concurrency} (an int or a
 * template over config), capped by {@code max_concurrency}. Without it the reference reads with 2 workers.
 * <pre>{@code concurrency_level: {type: ConcurrencyLevel, default_concurrency: "{{ config.get('workers', 4) }}", max_concurrency: 20}}</pre>
 */
@JsonTypeName("ConcurrencyLevel")
public record ConcurrencyLevelSpec(
        @JsonProperty(value = "default_concurrency", required = true) String defaultConcurrency,
        @JsonProperty("max_concurrency") @Nullable Integer maxConcurrency,
        @JsonProperty("type") @Nullable String type,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public static final int DEFAULT = 2;

    public int level(BuildContext context) {
        JsonNode value = InterpolatedString.of(defaultConcurrency, BuildContext.parameters(parameters))
                .eval(context.interpolation());
        int level;
        try {
            level = value == null ? DEFAULT : value.isNumber() ? value.intValue() : Integer.parseInt(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("default_concurrency must render to an integer, got '"
                    + value.asText() + "'");
        }
        if (maxConcurrency != null) {
            level = Math.min(level, maxConcurrency);
        }
        return Math.max(1, level);
    }
}
