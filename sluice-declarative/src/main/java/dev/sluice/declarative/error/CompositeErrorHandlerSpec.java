package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private static final Set<ResponseAction> DECISIVE = Set.of(ResponseAction.SUCCESS, ResponseAction.RETRY,
            ResponseAction.IGNORE, ResponseAction.RESET_PAGINATION);

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
        return new ErrorHandler() {
            @Override
            public ErrorResolution classify(HttpResponse response) {
                ErrorResolution last = null;
                for (ErrorHandler handler : handlers) {
                    last = handler.classify(response);
                    if (DECISIVE.contains(last.action())) {
                        return last;
                    }
                }
                return last;
            }

            @Override
            public boolean inspectsSuccessfulBodies() {
                return handlers.stream().anyMatch(ErrorHandler::inspectsSuccessfulBodies);
            }

            @Override
            public List<BackoffStrategy> backoffStrategies() {
                return strategies;
            }

            @Override
            public int maxRetries() {
                return handlers.get(0).maxRetries();
            }

            @Override
            public java.time.Duration maxRetryTime() {
                return handlers.stream().map(ErrorHandler::maxRetryTime).max(java.time.Duration::compareTo)
                        .orElseThrow();
            }
        };
    }
}
