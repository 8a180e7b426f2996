package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CompositeErrorHandler} — asks each handler in order and takes the first verdict that is SUCCESS,
 * RETRY, IGNORE or RESET_PAGINATION, else the last handler's; backoff strategies of all handlers are tried in order.
 * <pre>{@code
 * error_handler:
 *   type: CompositeErrorHandler
 *   error_handlers:
 *     - {type: DefaultErrorHandler, response_filters: [{http_codes: [403], action: FAIL}]}
 *     - {type: DefaultErrorHandler, backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 10}]}
 * }</pre>
 */
@JsonTypeName("CompositeErrorHandler")
public record CompositeErrorHandlerSpec(
        @JsonProperty(value = "error_handlers", required = true) List<ErrorHandlerSpec> errorHandlers,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements ErrorHandlerSpec {

    public CompositeErrorHandlerSpec {
        errorHandlers = List.copyOf(errorHandlers);
        if (errorHandlers.isEmpty()) {
            throw new IllegalArgumentException("error_handlers must not be empty");
        }
    }

    @Override
    public ErrorHandler build(BuildContext context) {
        List<ErrorHandler> handlers = errorHandlers.stream().map(spec -> spec.build(context)).toList();
        List<BackoffStrategy> strategies = new ArrayList<>();
        handlers.forEach(handler -> strategies.addAll(handler.backoffStrategies()));
        Duration longest = handlers.stream().map(ErrorHandler::maxRetryTime).max(Duration::compareTo).orElseThrow();
        return new ErrorHandler(new CompositeClassifier(handlers.stream().map(ErrorHandler::classifier).toList()),
                new RetryPolicy(handlers.get(0).maxRetries(), longest, strategies));
    }
}
