package dev.sluice.declarative.budget;

import static java.util.Objects.requireNonNull;

import dev.sluice.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The requests it matches go out unlimited (and no later policy limits them). */
final class UnlimitedCallRatePolicy implements CallRatePolicy {

    private final RequestMatchers matchers;

    UnlimitedCallRatePolicy(RequestMatchers matchers) {
        this.matchers = requireNonNull(matchers, "matchers is null");
    }

    @Override
    public boolean matches(HttpRequest request) {
        return matchers.match(request);
    }

    @Override
    public int weight(HttpRequest request) {
        return matchers.weight(request);
    }

    @Override
    public Duration tryAcquire(int weight) {
        return Duration.ZERO;
    }

    @Override
    public void update(@Nullable Integer availableCalls, @Nullable Instant resetAt) {
    }

    @Override
    public String toString() {
        return "UnlimitedCallRatePolicy";
    }
}
