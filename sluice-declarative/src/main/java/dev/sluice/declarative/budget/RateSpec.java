package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: Rate} — {@code limit} calls (an integer or a template over {@code config}) in any {@code interval}
 * (ISO 8601).
 * <pre>{@code {limit: "{{ config.get('calls_per_second', 8) }}", interval: PT1S}}</pre>
 */
@JsonTypeName("Rate")
public record RateSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "limit", required = true) String limit,
        @JsonProperty(value = "interval", required = true) String interval) {

    public RateSpec {
        Objects.requireNonNull(limit, "limit is required");
        Objects.requireNonNull(interval, "interval is required");
        BudgetNumbers.duration("interval", interval);
    }

    MovingWindowCallRatePolicy.Rate build(BuildContext context, double share) {
        return new MovingWindowCallRatePolicy.Rate(
                BudgetNumbers.shareOf(BudgetNumbers.integer("limit", limit, context), share),
                BudgetNumbers.duration("interval", interval));
    }
}
