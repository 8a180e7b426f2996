package dev.sluice.http;

/**
 * Adds credentials to a request. Applied again on every attempt, so an expired token can be renewed
 * between retries.
 */
@FunctionalInterface
public interface Authenticator {

    Authenticator NONE = request -> request;

    HttpRequest authenticate(HttpRequest request);

    /** Forget any cached token so that the next {@link #authenticate} fetches a new one. */
    default void invalidate() {
    }

    /**
     * What this authenticator learns from the responses to the requests it signed (a token's remaining quota);
     * the executor shows it every exchange. {@link ExchangeObserver#NONE} for an authenticator that learns nothing.
     */
    default ExchangeObserver responses() {
        return ExchangeObserver.NONE;
    }

    static Authenticator bearer(String token) {
        return request -> request.withHeader("Authorization", "Bearer " + token);
    }

    static Authenticator header(String name, String value) {
        return request -> request.withHeader(name, value);
    }
}
