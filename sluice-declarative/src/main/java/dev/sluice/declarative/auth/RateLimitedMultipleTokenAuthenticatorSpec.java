package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import dev.sluice.source.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: RateLimitedMultipleTokenAuthenticator} — several interchangeable tokens, each with its quota pools;
 * a request is signed with a token that still has calls in the request's pool, and when every token is spent the
 * read waits for the earliest reset (at most {@code max_wait_time}). Semantics of the reference's
 * {@code auth/rate_limited_multiple_token.py} and {@code create_rate_limited_multiple_token_authenticator}.
 * <pre>{@code
 * authenticator:
 *   type: RateLimitedMultipleTokenAuthenticator
 *   tokens: "{{ config['credentials']['personal_access_token'] }}"   # "a,b,c", or a list of templates
 *   quota_status_source: {type: QuotaStatusSource, url: "https://api.github.com/rate_limit"}
 *   quotas:
 *     - {type: TokenQuota, name: core, remaining_path: [resources, core, remaining],
 *        reset_path: [resources, core, reset], remaining_header: X-RateLimit-Remaining}
 * }</pre>
 */
@JsonTypeName("RateLimitedMultipleTokenAuthenticator")
public record RateLimitedMultipleTokenAuthenticatorSpec(
        @JsonProperty(value = "tokens", required = true) RotatedTokensSpec tokens,
        @JsonProperty("token_delimiter") @Nullable String tokenDelimiter,
        @JsonProperty("auth_method") @Nullable String authMethod,
        @JsonProperty("header") @Nullable String header,
        @JsonProperty(value = "quota_status_source", required = true) QuotaStatusSourceSpec quotaStatusSource,
        @JsonProperty(value = "quotas", required = true) List<TokenQuotaSpec> quotas,
        @JsonProperty("max_wait_time") @Nullable String maxWaitTime,
        @JsonProperty("budget_reserve_fraction") @Nullable Double budgetReserveFraction,
        @JsonProperty("budget_min_reserve") @Nullable Integer budgetMinReserve,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public RateLimitedMultipleTokenAuthenticatorSpec {
        if (tokens == null) {
            throw new IllegalArgumentException("tokens is required");
        }
        if (tokenDelimiter != null && tokenDelimiter.isEmpty()) {
            throw new IllegalArgumentException("token_delimiter must not be empty");
        }
        if (quotas == null || quotas.isEmpty()) {
            throw new IllegalArgumentException("quotas must hold at least one TokenQuota");
        }
        quotas = List.copyOf(quotas);
        if (budgetReserveFraction != null && (budgetReserveFraction < 0 || budgetReserveFraction > 1)) {
            throw new IllegalArgumentException("budget_reserve_fraction must be between 0 and 1, got "
                    + budgetReserveFraction);
        }
        if (budgetMinReserve != null && budgetMinReserve < 0) {
            throw new IllegalArgumentException("budget_min_reserve must be >= 0, got " + budgetMinReserve);
        }
    }

    @Override
    public Authenticator build(BuildContext context) {
        List<String> values = evaluatedTokens(context);
        if (values.isEmpty()) {
            throw new ConfigException("Authentication tokens are missing from the configuration "
                    + "(RateLimitedMultipleTokenAuthenticator.tokens renders no token).");
        }
        values.forEach(context.run().secrets()::add);
        TokenRotation.Settings settings = new TokenRotation.Settings(
                authMethod == null ? "Bearer" : authMethod, header == null ? "Authorization" : header,
                waitLimit(context), budgetReserveFraction == null ? 0.1 : budgetReserveFraction,
                budgetMinReserve == null ? 50 : budgetMinReserve);
        return new TokenRotation(values, quotas.stream().map(quota -> quota.build(context)).toList(),
                quotaStatusSource.build(context), settings, context);
    }

    /** The tokens as the reference's factory reads them: split (a string) or each rendered, stripped, blanks out. */
    private List<String> evaluatedTokens(BuildContext context) {
        List<String> rendered = new ArrayList<>();
        if (tokens instanceof RotatedTokensSpec.Joined joined) {
            String delimiter = tokenDelimiter == null ? "," : tokenDelimiter;
            for (String part : Credentials.evaluate(joined.template(), context, parameters).split(
                    Pattern.quote(delimiter), -1)) {
                rendered.add(part.strip());
            }
        } else if (tokens instanceof RotatedTokensSpec.Listed listed) {
            listed.templates().forEach(token -> rendered.add(Credentials.evaluate(token, context, parameters).strip()));
        }
        rendered.removeIf(String::isEmpty);
        return List.copyOf(rendered);
    }

    private Duration waitLimit(BuildContext context) {
        String text = maxWaitTime == null ? "PT2H" : Credentials.evaluate(maxWaitTime, context, parameters);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigException("RateLimitedMultipleTokenAuthenticator.max_wait_time is not an ISO 8601 "
                    + "duration: " + text, e);
        }
    }
}
