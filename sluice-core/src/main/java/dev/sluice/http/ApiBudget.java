package dev.sluice.http;

/**
 * A source's own API budget, declared by the source rather than preset by whoever runs it: it decides when a
 * request may go out ({@link RateLimiter}) and learns from every response how much of the API's limit is left
 * ({@link ExchangeObserver#onResponse}), so that it throttles before the API refuses. A source installs one per
 * run in its {@link SourceBudget}; every executor of the run then shares it.
 */
public interface ApiBudget extends RateLimiter, ExchangeObserver {

    /** No budget: every request goes out at once. */
    ApiBudget NONE = request -> {
    };
}
