package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.RetryPolicy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DefaultErrorHandler} — response filters first (the first that matches decides), then the default
 * status mapping; retried up to {@code max_retries} times (5 by default) with the first backoff strategy that
 * has an opinion, else exponential backoff.
 * <pre>{@code
 * error_handler:
 *   type: DefaultErrorHandler
 *   max_retries: 3
 *   backoff_strategies: [{type: WaitTimeFromHeader, header: Retry-After}]
 *   response_filters: [{http_codes: [404], action: IGNORE}]
 * }</pre>
 */
@JsonTypeName("DefaultErrorHandler")
public record DefaultErrorHandlerSpec(
        @JsonProperty("backoff_strategies") @Nullable List<BackoffStrategySpec> backoffStrategies,
        @JsonProperty("max_retries") @Nullable String maxRetries,
        @JsonProperty("response_filters") @Nullable List<HttpResponseFilterSpec> responseFilters,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ErrorHandlerSpec {

    public DefaultErrorHandlerSpec {
        backoffStrategies = backoffStrategies == null ? List.of() : List.copyOf(backoffStrategies);
        responseFilters = responseFilters == null ? List.of() : List.copyOf(responseFilters);
    }

    /** The handler a requester uses when the manifest gives none. */
    public static DefaultErrorHandlerSpec defaults() {
        return new DefaultErrorHandlerSpec(null, null, null, null);
    }

    @Override
    public ErrorHandler build(BuildContext context) {
        int retries = maxRetries(context);
        List<BackoffStrategy> strategies = backoffStrategies.stream()
                .map(spec -> Backoffs.plusOneSecond(spec.build(context))).toList();
        List<HttpResponseFilter> filters = responseFilters.stream().map(spec -> spec.build(context)).toList();
        return new ErrorHandler(new DefaultErrorClassifier(filters),
                RetryPolicy.DEFAULT.withMaxRetries(retries).withBackoffStrategies(strategies));
    }

    /** Python's {@code int()} of the rendered {@code max_retries} (5 when absent or empty). */
    private int maxRetries(BuildContext context) {
        if (maxRetries == null || maxRetries.isEmpty()) {
            return 5;
        }
        JsonNode value = InterpolatedString.of(maxRetries, BuildContext.parameters(parameters), "5")
                .eval(context.interpolation());
        if (value != null && value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value != null && value.isNumber() && Double.isFinite(value.doubleValue())) {
            return (int) value.doubleValue();
        }
        if (value != null && value.isTextual() && value.textValue().strip().matches("[+-]?\\d(_?\\d)*")) {
            return Integer.parseInt(value.textValue().strip().replace("_", ""));
        }
        String shown = value == null || value.isNull() ? "None" : value.isTextual() ? "'" + value.textValue() + "'"
                : PythonText.str(value);
        throw new ManifestException("DefaultErrorHandler.max_retries did not evaluate to an integer (got " + shown + ")");
    }
}
