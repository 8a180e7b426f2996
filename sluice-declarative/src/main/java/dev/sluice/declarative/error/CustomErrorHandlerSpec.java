package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.RetryPolicy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomErrorHandler} — decides what to do with each response (and transport failure) with a
 * Java class, retried as a {@code DefaultErrorHandler} would be: up to {@code max_retries} times (5 by default),
 * waiting as the first of {@code backoff_strategies} with an opinion says, else exponentially. Its class, named by {@code class_name} and loaded from the
 * source's class loader, implements {@link ErrorClassifier}; the component's other fields and {@code $parameters} reach it
 * through its {@link dev.sluice.declarative.custom.CustomComponentContext} (see {@link CustomComponents}).
 * <pre>{@code error_handler: {type: CustomErrorHandler, class_name: com.example.QuotaErrors, max_retries: 3}}</pre>
 */
@JsonTypeName("CustomErrorHandler")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomErrorHandlerSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonProperty("backoff_strategies") @Nullable List<BackoffStrategySpec> backoffStrategies,
        @JsonProperty("max_retries") @Nullable String maxRetries,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ErrorHandlerSpec {

    public CustomErrorHandlerSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public ErrorHandler build(BuildContext context) {
        ErrorClassifier classifier = CustomComponents.create(ErrorClassifier.class, "CustomErrorHandler", this,
                className, fields, parameters, context);
        // The retry policy is a DefaultErrorHandler's with the same fields: one reading of max_retries and backoffs.
        RetryPolicy policy = new DefaultErrorHandlerSpec(backoffStrategies, maxRetries, null, parameters).build(context)
                .retryPolicy();
        return new ErrorHandler(classifier, policy);
    }
}
