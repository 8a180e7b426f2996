package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: FixedWindowCallRatePolicy} — {@code call_limit} calls per {@code period} (ISO 8601), for the
 * requests its matchers match.
 * <pre>{@code {type: FixedWindowCallRatePolicy, period: PT1M, call_limit: 100, matchers: []}}</pre>
 */
@JsonTypeName("FixedWindowCallRatePolicy")
public record FixedWindowCallRatePolicySpec(
        @JsonProperty(value = "period", required = true) String period,
        @JsonProperty(value = "call_limit", required = true) Integer callLimit,
        @JsonProperty(value = "matchers", required = true) List<HttpRequestRegexMatcherSpec> matchers)
        implements CallRatePolicySpec {

    public FixedWindowCallRatePolicySpec {
        Objects.requireNonNull(period, "period is required");
        Objects.requireNonNull(callLimit, "call_limit is required");
        matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers is required"));
        BudgetNumbers.duration("period", period);
        if (callLimit < 1) {
            throw new IllegalArgumentException("call_limit must be at least 1, got " + callLimit);
        }
    }

    @Override
    public CallRatePolicy build(BuildContext context, double share) {
        Duration window = BudgetNumbers.duration("period", period);
        return new FixedWindowCallRatePolicy(CallRatePolicySpec.matchers(matchers, context), window,
                BudgetNumbers.shareOf(callLimit, share), context.clock());
    }
}
