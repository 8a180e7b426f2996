package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import java.util.Objects;

/**
 * {@code type: UnlimitedCallRatePolicy} — the requests its matchers match go out without limit (a later policy
 * does not count them either).
 * <pre>{@code {type: UnlimitedCallRatePolicy, matchers: [{type: HttpRequestRegexMatcher, headers: {sandbox: "true"}}]}}</pre>
 */
@JsonTypeName("UnlimitedCallRatePolicy")
public record UnlimitedCallRatePolicySpec(
        @JsonProperty(value = "matchers", required = true) List<HttpRequestRegexMatcherSpec> matchers)
        implements CallRatePolicySpec {

    public UnlimitedCallRatePolicySpec {
        matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers is required"));
    }

    @Override
    public CallRatePolicy build(BuildContext context, double share) {
        return new UnlimitedCallRatePolicy(CallRatePolicySpec.matchers(matchers, context));
    }
}
