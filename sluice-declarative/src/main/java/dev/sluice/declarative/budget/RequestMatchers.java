package dev.sluice.declarative.budget;

import dev.sluice.http.HttpRequest;
import java.util.List;

/** A policy's matchers: none matches every request; otherwise any one of them must match. */
record RequestMatchers(List<HttpRequestRegexMatcher> matchers) {

    RequestMatchers {
        matchers = List.copyOf(matchers);
    }

    boolean match(HttpRequest request) {
        return matchers.isEmpty() || matchers.stream().anyMatch(matcher -> matcher.matches(request));
    }

    /** The weight of the first matcher that matches, 1 when it has none or none matches. */
    int weight(HttpRequest request) {
        for (HttpRequestRegexMatcher matcher : matchers) {
            if (matcher.matches(request)) {
                return matcher.weight() == null ? 1 : matcher.weight();
            }
        }
        return 1;
    }

    /** The largest weight a matcher gives (1 without any). */
    int maxWeight() {
        return matchers.stream().mapToInt(matcher -> matcher.weight() == null ? 1 : matcher.weight()).max().orElse(1);
    }
}
