package dev.sluice.declarative.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedBoolean;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.http.ErrorMessages;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link HttpResponseFilterSpec}. As in the reference, a filter without an {@code action} never
 * matches, the predicate sees {@code response} (the JSON body, {@code {}} when not JSON) and {@code headers}
 * but no {@code config}, and the failure type is the filter's own only for FAIL.
 */
final class HttpResponseFilter {

    private final @Nullable ResponseAction action;
    private final @Nullable FailureType failureType;
    private final Set<Integer> httpCodes;
    private final @Nullable InterpolatedBoolean predicate;
    private final @Nullable String errorMessageContains;
    private final @Nullable InterpolatedString errorMessage;
    private final InterpolationContext base;

    HttpResponseFilter(@Nullable ResponseAction action, @Nullable FailureType failureType, Set<Integer> httpCodes,
            @Nullable InterpolatedBoolean predicate, @Nullable String errorMessageContains,
            @Nullable InterpolatedString errorMessage, InterpolationContext base) {
        this.action = action;
        this.failureType = failureType;
        this.httpCodes = httpCodes;
        this.predicate = predicate;
        this.errorMessageContains = errorMessageContains;
        this.errorMessage = errorMessage;
        this.base = base;
    }

    Optional<ErrorResolution> matches(HttpResponse response) {
        if (action == null || !matchesResponse(response)) {
            return Optional.empty();
        }
        ErrorResolution mapped = ErrorMapping.mapped(response.status());
        String message = null;
        if (errorMessage != null) {
            message = errorMessage.evalString(base.with("response", safeJson(response)).with("headers", headers(response)));
        }
        if (message == null || message.isEmpty() || message.equals("None")) {
            message = mapped != null && mapped.message() != null ? mapped.message() : "";
        }
        FailureType type;
        if (failureType != null && action == ResponseAction.FAIL) {
            type = failureType;
        } else if (mapped != null && mapped.failureType() != null) {
            type = mapped.failureType();
        } else {
            type = FailureType.SYSTEM_ERROR;
        }
        return Optional.of(new ErrorResolution(action, type, message));
    }

    /** Whether matching reads the body (a predicate or an error-message test), as opposed to the status alone. */
    boolean readsBody() {
        return action != null && (predicate != null || errorMessageContains != null);
    }

    private boolean matchesResponse(HttpResponse response) {
        if (httpCodes.contains(response.status())) {
            return true;
        }
        if (predicate != null && predicate.eval(InterpolationContext.of(Json.nodes().nullNode())
                .withClock(base.clock()).with("response", safeJson(response)).with("headers", headers(response)))) {
            return true;
        }
        if (errorMessageContains != null) {
            String parsed = ErrorMessages.describe(response);
            return !parsed.isEmpty() && parsed.contains(errorMessageContains);
        }
        return false;
    }

    static JsonNode safeJson(HttpResponse response) {
        try {
            JsonNode json = response.json();
            return json.isNull() || json.isMissingNode() ? Json.object() : json;
        } catch (RuntimeException notJson) {
            return Json.object();
        }
    }

    /** The headers under their names as received and in lower case: the reference's mapping is case-insensitive. */
    static ObjectNode headers(HttpResponse response) {
        ObjectNode headers = Json.object();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String value = String.join(", ", header.getValue());
            headers.put(header.getKey(), value);
            headers.put(header.getKey().toLowerCase(java.util.Locale.ROOT), value);
        }
        return headers;
    }
}
