package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What {@code HTTPAPIBudget.policies} items admit. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(FixedWindowCallRatePolicySpec.class),
        @JsonSubTypes.Type(MovingWindowCallRatePolicySpec.class),
        @JsonSubTypes.Type(UnlimitedCallRatePolicySpec.class)})
public sealed interface CallRatePolicySpec permits FixedWindowCallRatePolicySpec, MovingWindowCallRatePolicySpec,
        UnlimitedCallRatePolicySpec {

    /**
     * The policy; its windows are counted on the context's clock, and it allows {@code share} (in (0, 1]) of the
     * calls the manifest gives it: the part of the source's budget this run may use.
     */
    CallRatePolicy build(BuildContext context, double share);

    /** The matchers of a policy, built. */
    static RequestMatchers matchers(@Nullable List<HttpRequestRegexMatcherSpec> specs, BuildContext context) {
        return new RequestMatchers(specs == null ? List.of()
                : specs.stream().map(spec -> spec.build(context)).toList());
    }
}
