package dev.sluice.declarative.auth;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link OAuthAuthenticator} keeps its access token and finds its refresh token: in memory, or — with
 * {@code refresh_token_updater} — in the config shared by every stream ({@link ConfigTokenStore}).
 */
interface TokenStore {

    /** The current token; {@link TokenState#none()} before the first refresh. */
    TokenState current(Instant now);

    /** The refresh token to send, or null for grants without one. */
    @Nullable String refreshToken();

    /** Keeps a new token (and a rotated refresh token, if the endpoint sent one) obtained at {@code now}. */
    TokenState save(String accessToken, Instant expiresAt, @Nullable String rotatedRefreshToken, Instant now);

    /** Marks the current token for renewal by the next request. */
    void markStale();

    /** Held while refreshing, so that requests that find the token expired together refresh it once. */
    ReentrantLock refreshLock();
}
