package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: HttpResponseFilter} — when a response has one of {@code http_codes}, or {@code predicate} is true,
 * or its error message contains {@code error_message_contains}, the handler takes {@code action}.
 * <pre>{@code
 * response_filters:
 *   - type: HttpResponseFilter
 *     http_codes: [404]
 *     action: IGNORE
 *   - predicate: "{{ 'rate limit' in response.error }}"
 *     action: RATE_LIMITED
 * }</pre>
 */
@JsonTypeName("HttpResponseFilter")
public record HttpResponseFilterSpec(
        @JsonProperty("action") @Nullable ResponseAction action,
        @JsonProperty("failure_type") @Nullable FailureType failureType,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_message_contains") @Nullable String errorMessageContains,
        @JsonProperty("http_codes") @Nullable List<Integer> httpCodes,
        @JsonProperty("predicate") @Nullable String predicate,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    /**
     * A filter with an action but no condition is accepted and never matches: the reference's factory passes
     * empty conditions, so its "requires a filter condition" check never fires for a manifest (two public
     * manifests have such a filter).
     */
    public HttpResponseFilterSpec {
        httpCodes = httpCodes == null ? List.of() : List.copyOf(httpCodes);
    }

    public HttpResponseFilter build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        return new HttpResponseFilter(action, failureType, Set.copyOf(httpCodes),
                predicate == null || predicate.isEmpty() ? null : InterpolatedBoolean.of(predicate, params),
                errorMessageContains == null || errorMessageContains.isEmpty() ? null : errorMessageContains,
                errorMessage == null || errorMessage.isEmpty() ? null : InterpolatedString.of(errorMessage, params),
                context.interpolation());
    }
}
