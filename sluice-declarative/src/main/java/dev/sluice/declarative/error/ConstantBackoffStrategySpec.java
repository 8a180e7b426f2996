package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.BackoffStrategy;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ConstantBackoffStrategy} — waits {@code backoff_time_in_seconds} (plus optional jitter).
 * <pre>{@code backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 30}]}</pre>
 */
@JsonTypeName("ConstantBackoffStrategy")
public record ConstantBackoffStrategySpec(
        @JsonProperty(value = "backoff_time_in_seconds", required = true) String backoffTimeInSeconds,
        @JsonProperty("jitter_range_in_seconds") @Nullable Double jitterRangeInSeconds,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements BackoffStrategySpec {

    @Override
    public BackoffStrategy build(BuildContext context) {
        Double value = Backoffs.number(backoffTimeInSeconds, context, parameters, "backoff_time_in_seconds");
        double seconds = value == null ? 0 : value;
        return (response, attempt) -> Optional.of(Backoffs.seconds(seconds + Backoffs.jitter(jitterRangeInSeconds)));
    }
}
