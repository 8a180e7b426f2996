package dev.sluice.declarative.budget;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.ApiBudget;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: HTTPAPIBudget} — the manifest's {@code api_budget}: how many calls the source may make, shared by
 * every request of a run (all streams, partitions, property chunks, token refreshes and logins).
 * <pre>{@code
 * api_budget:
 *   type: HTTPAPIBudget
 *   ratelimit_remaining_header: X-RateLimit-Remaining
 *   ratelimit_reset_header: X-RateLimit-Reset
 *   status_codes_for_ratelimit_hit: [429]
 *   policies:
 *     - type: MovingWindowCallRatePolicy
 *       rates: [{limit: 8, interval: PT1S}]
 *       matchers: []
 * }</pre>
 */
@JsonTypeName("HTTPAPIBudget")
public record HttpApiBudgetSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "policies", required = true) List<CallRatePolicySpec> policies,
        @JsonProperty("ratelimit_reset_header") @Nullable String ratelimitResetHeader,
        @JsonProperty("ratelimit_remaining_header") @Nullable String ratelimitRemainingHeader,
        @JsonProperty("status_codes_for_ratelimit_hit") @Nullable List<Integer> statusCodesForRatelimitHit) {

    public HttpApiBudgetSpec {
        policies = List.copyOf(Objects.requireNonNull(policies, "policies is required"));
        statusCodesForRatelimitHit = statusCodesForRatelimitHit == null ? null : List.copyOf(statusCodesForRatelimitHit);
    }

    /** The whole budget; the reference's defaults fill what is not given (or given empty). */
    public ApiBudget build(BuildContext context) {
        return build(context, 1);
    }

    /**
     * The part {@code share} (in (0, 1]) of the budget, for a run that reads the API alongside others (a Kafka
     * Connect task): each policy's limits times the share, rounded down, at least one call.
     */
    public ApiBudget build(BuildContext context, double share) {
        return new HttpApiBudget(policies.stream().map(policy -> policy.build(context, share)).toList(),
                orDefault(ratelimitResetHeader, "ratelimit-reset"),
                orDefault(ratelimitRemainingHeader, "ratelimit-remaining"),
                statusCodesForRatelimitHit == null || statusCodesForRatelimitHit.isEmpty() ? Set.of(429)
                        : Set.copyOf(statusCodesForRatelimitHit),
                context.sleeper());
    }

    private static String orDefault(@Nullable String header, String fallback) {
        return header == null || header.isEmpty() ? fallback : header;
    }
}
