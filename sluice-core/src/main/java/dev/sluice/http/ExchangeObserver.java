package dev.sluice.http;

import java.io.IOException;

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
}
