package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.BackoffStrategy;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ExponentialBackoffStrategy} — waits {@code factor * 2^attempt} seconds (factor 5 by default; the
 * first retry is attempt 1), plus up to twice {@code jitter_range_in_seconds} of random jitter, plus the second
 * the reference adds.
 * <pre>{@code backoff_strategies: [{type: ExponentialBackoffStrategy, factor: 2}]}</pre>
 */
@JsonTypeName("ExponentialBackoffStrategy")
public record ExponentialBackoffStrategySpec(
        @JsonProperty("factor") @Nullable String factor,
        @JsonProperty("jitter_range_in_seconds") @Nullable Double jitterRangeInSeconds,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements BackoffStrategySpec {

    @Override
    public BackoffStrategy build(BuildContext context) {
        Double value = Backoffs.number(factor, context, parameters, "factor");
        double base = value == null ? 5 : value;
        return (response, attempt) -> Optional.of(Backoffs.seconds(
                base * Math.pow(2, attempt) + Backoffs.jitter(jitterRangeInSeconds)));
    }
}
