package dev.sluice.http;

/**
 * Decides when a request may go out: an API budget shared by the requests of one source. {@link HttpExecutor}
 * asks it before every attempt, retries included, after authentication.
 */
@FunctionalInterface
public interface RateLimiter {

    RateLimiter NONE = request -> {
    };

    /** Returns once {@code request} may be sent; blocks while the budget is spent. */
    void acquire(HttpRequest request) throws InterruptedException;
}
