package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The retry step: repeats attempts while they ask for a retry and the {@link RetryPolicy} allows another. */
final class RetryStep {

    private static final Logger log = LoggerFactory.getLogger(HttpExecutor.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryStep(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = requireNonNull(policy, "policy is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    RetryPolicy policy() {
        return policy;
    }

    /** The first final outcome's result; throws when the retries run out. */
    <T> Optional<T> run(HttpRequest request, Function<HttpRequest, Outcome<T>> attempt, ExchangeObserver observer) {
        Instant start = clock.instant();
        for (int attempts = 1; ; attempts++) {
            Outcome<T> outcome = attempt.apply(request);
            if (outcome instanceof Outcome.Final<T> done) {
                return done.result();
            }
            if (outcome instanceof Outcome.Retry<T> retry) {
                pause(request, retry, attempts, start, observer);
            }
        }
    }

    /** Waits before retry number {@code retry}, or throws when the policy allows no more. */
    private void pause(HttpRequest request, Outcome.Retry<?> retry, int attempts, Instant start,
            ExchangeObserver observer) {
        Outcome.Verdict verdict = retry.verdict();
        Duration elapsed = Duration.between(start, clock.instant());
        Duration wait = policy.nextWait(verdict.response(), attempts, elapsed, retry.rateLimited())
                .orElseThrow(() -> RequestFailures.exhausted(request, verdict, attempts));
        log.warn("Retrying {} in {} ms (retry {} of {}): {}", request.describe(), wait.toMillis(), attempts,
                policy.maxRetries(), verdict.resolution().message());
        observer.onRetry(request, wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestFailures.interrupted(request, e);
        }
    }
}
