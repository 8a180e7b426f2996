package dev.sluice.declarative.error;

import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** Runtime of {@link DefaultErrorHandlerSpec}. */
final class DefaultErrorHandler implements ErrorHandler {

    private final List<HttpResponseFilter> filters;
    private final List<BackoffStrategy> strategies;
    private final int maxRetries;

    DefaultErrorHandler(List<HttpResponseFilter> filters, List<BackoffStrategy> strategies, int maxRetries) {
        this.filters = List.copyOf(filters);
        this.strategies = List.copyOf(strategies);
        this.maxRetries = maxRetries;
    }

    @Override
    public ErrorResolution classify(HttpResponse response) {
        for (HttpResponseFilter filter : filters) {
            Optional<ErrorResolution> matched = filter.matches(response);
            if (matched.isPresent()) {
                return matched.get();
            }
        }
        return ErrorMapping.classify(response);
    }

    @Override
    public boolean inspectsSuccessfulBodies() {
        return filters.stream().anyMatch(HttpResponseFilter::readsBody);
    }

    @Override
    public List<BackoffStrategy> backoffStrategies() {
        return strategies;
    }

    @Override
    public int maxRetries() {
        return maxRetries;
    }
}
