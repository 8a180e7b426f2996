package dev.sluice.http;

/**
 * Decides when a request may go out: an API budget shared by the requests of one source. {@link HttpExecutor}
 * asks it before every attempt, retries included, and before authenticating it (the request it is given has no
 * credentials yet), so that a token is not minted long before a request that waited for its budget is sent.
 */
@FunctionalInterface
public interface RateLimiter {

    RateLimiter NONE = request -> {
    };

    /** Returns once {@code request} may be sent; blocks while the budget is spent. */
    void acquire(HttpRequest request) throws InterruptedException;
}
