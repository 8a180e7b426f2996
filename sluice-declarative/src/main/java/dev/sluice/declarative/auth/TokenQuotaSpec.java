package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.sluice.declarative.budget.HttpRequestRegexMatcherSpec;
import dev.sluice.declarative.component.BuildContext;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: TokenQuota} — one quota pool of every token of a {@code RateLimitedMultipleTokenAuthenticator}: where
 * the quota status response holds its remaining count, reset time and limit, which requests it counts, and the
 * response headers (and exhaustion statuses) that correct its counter on every response.
 */
@JsonTypeName("TokenQuota")
public record TokenQuotaSpec(
        @JsonProperty("type") @Nullable String type,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "remaining_path", required = true) List<String> remainingPath,
        @JsonProperty(value = "reset_path", required = true) List<String> resetPath,
        @JsonProperty("limit_path") @Nullable List<String> limitPath,
        @JsonProperty("matchers") @Nullable List<HttpRequestRegexMatcherSpec> matchers,
        @JsonProperty("remaining_header") @Nullable String remainingHeader,
        @JsonProperty("reset_header") @Nullable String resetHeader,
        @JsonProperty("limit_header") @Nullable String limitHeader,
        @JsonProperty("exhaustion_status_codes") @Nullable List<Integer> exhaustionStatusCodes) {

    public TokenQuotaSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (remainingPath == null || remainingPath.isEmpty()) {
            throw new IllegalArgumentException("remaining_path must not be empty");
        }
        if (resetPath == null || resetPath.isEmpty()) {
            throw new IllegalArgumentException("reset_path must not be empty");
        }
        remainingPath = List.copyOf(remainingPath);
        resetPath = List.copyOf(resetPath);
        limitPath = limitPath == null || limitPath.isEmpty() ? null : List.copyOf(limitPath);
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        exhaustionStatusCodes = exhaustionStatusCodes == null ? List.of() : List.copyOf(exhaustionStatusCodes);
    }

    QuotaPool build(BuildContext context) {
        return new QuotaPool(name, remainingPath, resetPath, limitPath,
                matchers.stream().map(matcher -> matcher.predicate(context)).toList(),
                blankToNull(remainingHeader), blankToNull(resetHeader), blankToNull(limitHeader),
                Set.copyOf(exhaustionStatusCodes));
    }

    private static @Nullable String blankToNull(@Nullable String header) {
        return header == null || header.isBlank() ? null : header;
    }
}
