package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token, when it expires, and when Sluice renews it: a minute early (at most half its lifetime), so
 * that a request does not leave with a token that expires on the way. The reference renews only once the
 * expiry has passed.
 */
record TokenState(String accessToken, Instant expiresAt, Instant refreshAt) {

    static final Duration MARGIN = Duration.ofSeconds(60);
    private static final TokenState NONE = new TokenState("", Instant.MIN, Instant.MIN);

    TokenState {
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(refreshAt, "refreshAt is null");
    }

    /** A token obtained (or first seen) at {@code now}. */
    static TokenState of(String accessToken, Instant expiresAt, Instant now) {
        Duration lifetime = Duration.between(now, expiresAt);
        Duration margin = lifetime.isNegative() ? Duration.ZERO : min(MARGIN, lifetime.dividedBy(2));
        return new TokenState(accessToken, expiresAt, expiresAt.minus(margin));
    }

    /** No token yet: the first request fetches one. */
    static TokenState none() {
        return NONE;
    }

    boolean isFresh(Instant now) {
        return !accessToken.isEmpty() && now.isBefore(refreshAt);
    }

    /** The reference's test: the expiry has passed. */
    boolean hasExpired(Instant now) {
        return now.isAfter(expiresAt);
    }

    /** The same token, due for renewal now (the API rejected it). */
    TokenState stale() {
        return new TokenState(accessToken, expiresAt, Instant.MIN);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TokenState[expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
