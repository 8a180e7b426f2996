package dev.sluice.http;

import java.io.IOException;
import java.time.Duration;

/**
 * Sees every exchange {@link HttpExecutor} makes, retried attempts included, in order: the request as sent
 * (authenticated, so it may hold credentials: mask before showing it), then its response or its transport
 * failure. A successful response whose body is streamed is seen without body bytes. Called on the sending
 * thread between authentication and classification; it must not throw. The Connector Builder shows these.
 */
public interface ExchangeObserver {

    ExchangeObserver NONE = new ExchangeObserver() {
    };

    /** The request is about to be sent. */
    default void onRequest(HttpRequest request) {
    }

    /** The response to {@code request} arrived (before it is classified). */
    default void onResponse(HttpRequest request, HttpResponse response) {
    }

    /** Sending {@code request} failed without a response (refused, reset, timed out, too large). */
    default void onFailure(HttpRequest request, IOException failure) {
    }

    /** The attempt just seen is retried after {@code wait} (the request as built, without credentials). */
    default void onRetry(HttpRequest request, Duration wait) {
    }

    /** Both observers, {@code first} first; either may be {@link #NONE}. */
    static ExchangeObserver both(ExchangeObserver first, ExchangeObserver second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new ExchangeObserver() {
            @Override
            public void onRequest(HttpRequest request) {
                first.onRequest(request);
                second.onRequest(request);
            }

            @Override
            public void onResponse(HttpRequest request, HttpResponse response) {
                first.onResponse(request, response);
                second.onResponse(request, response);
            }

            @Override
            public void onFailure(HttpRequest request, IOException failure) {
                first.onFailure(request, failure);
                second.onFailure(request, failure);
            }

            @Override
            public void onRetry(HttpRequest request, Duration wait) {
                first.onRetry(request, wait);
                second.onRetry(request, wait);
            }
        };
    }
}
