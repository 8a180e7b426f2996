package dev.sluice.declarative.budget;

import static java.util.Objects.requireNonNull;

import dev.sluice.http.ApiBudget;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code HTTPAPIBudget}: each request is counted by the first policy that matches it (a request no policy matches
 * goes out unlimited) and waits while that policy's calls are spent. Every response updates the policy from its
 * headers: the calls left ({@code ratelimit_remaining_header}, or none left when its status is one of
 * {@code status_codes_for_ratelimit_hit}) and the reset time ({@code ratelimit_reset_header}, in epoch seconds),
 * as the reference's {@code HttpAPIBudget.update_from_response} reads them. Thread-safe: one budget serves every
 * request of a run.
 */
final class HttpApiBudget implements ApiBudget {

    private static final Logger log = LoggerFactory.getLogger(HttpApiBudget.class);

    private final List<CallRatePolicy> policies;
    private final String resetHeader;
    private final String remainingHeader;
    private final Set<Integer> rateLimitHitStatuses;
    private final Sleeper sleeper;

    HttpApiBudget(List<CallRatePolicy> policies, String resetHeader, String remainingHeader,
            Set<Integer> rateLimitHitStatuses, Sleeper sleeper) {
        this.policies = List.copyOf(policies);
        this.resetHeader = requireNonNull(resetHeader, "resetHeader is null");
        this.remainingHeader = requireNonNull(remainingHeader, "remainingHeader is null");
        this.rateLimitHitStatuses = Set.copyOf(rateLimitHitStatuses);
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    @Override
    public void acquire(HttpRequest request) throws InterruptedException {
        Optional<CallRatePolicy> policy = policyOf(request);
        if (policy.isEmpty()) {
            return;
        }
        int weight = policy.get().weight(request);
        while (true) {
            Duration wait = policy.get().tryAcquire(weight);
            if (wait.isZero() || wait.isNegative()) {
                return;
            }
            log.debug("{} reached its call limit; {} {} waits {}", policy.get(), request.method(),
                    request.uri().getRawPath(), wait);
            sleeper.sleep(wait);
        }
    }

    @Override
    public void onResponse(HttpRequest request, HttpResponse response) {
        Optional<CallRatePolicy> policy = policyOf(request);
        if (policy.isPresent()) {
            policy.get().update(callsLeft(response), resetAt(response));
        }
    }

    private Optional<CallRatePolicy> policyOf(HttpRequest request) {
        return policies.stream().filter(policy -> policy.matches(request)).findFirst();
    }

    private @Nullable Integer callsLeft(HttpResponse response) {
        Optional<String> remaining = response.header(remainingHeader).filter(value -> !value.isEmpty());
        if (remaining.isPresent()) {
            Long parsed = integer(remainingHeader, remaining.get());
            if (parsed != null) {
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
            }
        }
        return rateLimitHitStatuses.contains(response.status()) ? 0 : null;
    }

    private @Nullable Instant resetAt(HttpResponse response) {
        Optional<String> reset = response.header(resetHeader).filter(value -> !value.isEmpty());
        if (reset.isEmpty()) {
            return null;
        }
        Long seconds = integer(resetHeader, reset.get());
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }

    /**
     * The header's integer value. The reference fails the request on one that is not an integer; an observer
     * must not throw, so Sluice ignores it (with a warning) and the response is classified as usual.
     */
    private static @Nullable Long integer(String header, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            log.warn("The {} header is not an integer ('{}'); the API budget ignores it", header, value);
            return null;
        }
    }
}
