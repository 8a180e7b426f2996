package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * One attempt, step by step: wait for the rate limiter, authenticate, show the observer, send, classify. Each
 * attempt is authenticated afresh, so that a renewed token is used after a {@code REFRESH_TOKEN_THEN_RETRY},
 * and after the rate limiter's wait, so that a token cannot expire while the request waits for its budget.
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
        // The budget first: a token minted before a long wait for it could expire before it is sent.
        try {
            rateLimiter.acquire(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>(RequestFailures.interrupted(request, e));
        }
        HttpRequest authenticated = authenticator.authenticate(request);
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
        try {
            observer.onResponse(authenticated, received.response());
        } catch (RuntimeException | Error e) {
            // A streamed body is still open: nothing else will close it once this propagates.
            received.discard();
            throw e;
        }
        return classify.received(request, authenticated, received);
    }
}
