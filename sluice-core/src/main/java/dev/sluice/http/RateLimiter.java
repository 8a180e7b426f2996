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

    /** Waits for {@code first}, then for {@code second}: a request goes out within both budgets. */
    static RateLimiter both(RateLimiter first, RateLimiter second) {
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return request -> {
            first.acquire(request);
            second.acquire(request);
        };
    }
}
