package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: MovingWindowCallRatePolicy} — for the requests its matchers match, at most each rate's
 * {@code limit} calls in any {@code interval}.
 * <pre>{@code {type: MovingWindowCallRatePolicy, rates: [{limit: 8, interval: PT1S}], matchers: []}}</pre>
 */
@JsonTypeName("MovingWindowCallRatePolicy")
public record MovingWindowCallRatePolicySpec(
        @JsonProperty(value = "rates", required = true) List<RateSpec> rates,
        @JsonProperty(value = "matchers", required = true) List<HttpRequestRegexMatcherSpec> matchers)
        implements CallRatePolicySpec {

    public MovingWindowCallRatePolicySpec {
        rates = List.copyOf(Objects.requireNonNull(rates, "rates is required"));
        matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers is required"));
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("The list of rates can not be empty");
        }
    }

    @Override
    public CallRatePolicy build(BuildContext context, double share) {
        return new MovingWindowCallRatePolicy(CallRatePolicySpec.matchers(matchers, context),
                rates.stream().map(rate -> rate.build(context, share)).toList(), context.clock());
    }
}
