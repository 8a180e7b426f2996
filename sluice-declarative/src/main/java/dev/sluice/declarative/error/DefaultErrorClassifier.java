package dev.sluice.declarative.error;

import dev.sluice.http.ErrorClassifier;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** How {@link DefaultErrorHandlerSpec} classifies: the first response filter that matches, else the default mapping. */
final class DefaultErrorClassifier implements ErrorClassifier {

    private final List<HttpResponseFilter> filters;

    DefaultErrorClassifier(List<HttpResponseFilter> filters) {
        this.filters = List.copyOf(filters);
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
}
