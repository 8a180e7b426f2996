package dev.sluice.declarative.auth;

import dev.sluice.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A bound {@code TokenQuota}: a request belongs to the first pool one of whose matchers matches it. */
record QuotaPool(String name, List<String> remainingPath, List<String> resetPath, @Nullable List<String> limitPath,
        List<Predicate<HttpRequest>> matchers, @Nullable String remainingHeader, @Nullable String resetHeader,
        @Nullable String limitHeader, Set<Integer> exhaustionStatuses) {

    QuotaPool {
        matchers = List.copyOf(matchers);
        exhaustionStatuses = Set.copyOf(exhaustionStatuses);
    }

    boolean matches(HttpRequest request) {
        return matchers.stream().anyMatch(matcher -> matcher.test(request));
    }

    /** Whether responses correct this pool's counters (reference: TokenQuota.is_response_aware). */
    boolean readsResponses() {
        return remainingHeader != null || resetHeader != null || limitHeader != null || !exhaustionStatuses.isEmpty();
    }
}
