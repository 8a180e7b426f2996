package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * One attempt, step by step: authenticate, wait for the rate limiter, show the observer, send, classify. Each
 * attempt is authenticated afresh, so that a renewed token is used after a {@code REFRESH_TOKEN_THEN_RETRY}.
 */
final class AttemptChain {

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ExchangeObserver observer;
    private final ClassifyStep classify;

    AttemptChain(Authenticator authenticator, RateLimiter rateLimiter, ExchangeObserver observer,
            ClassifyStep classify) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.classify = requireNonNull(classify, "classify is null");
    }

    <T> Outcome<T> attempt(HttpRequest request, Exchange<T> exchange) {
        HttpRequest authenticated = authenticator.authenticate(request);
        try {
            rateLimiter.acquire(authenticated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>(RequestFailures.interrupted(request, e));
        }
        Outcome<T> outcome = sendAndClassify(request, authenticated, exchange);
        if (outcome.refreshesCredentials()) {
            authenticator.invalidate();
        }
        return outcome;
    }

    private <T> Outcome<T> sendAndClassify(HttpRequest request, HttpRequest authenticated, Exchange<T> exchange) {
        observer.onRequest(authenticated);
        Exchange.Received<T> received;
        try {
            received = exchange.send(authenticated);
        } catch (IOException e) {
            observer.onFailure(authenticated, e);
            return classify.failed(request, authenticated, null, e);
        }
        observer.onResponse(authenticated, received.response());
        return classify.received(request, authenticated, received);
    }
}
