package dev.sluice.declarative.auth;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The access token in memory, the refresh token from the manifest's {@code refresh_token} template. */
final class MemoryTokenStore implements TokenStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<@Nullable String> refreshToken;
    private volatile TokenState state;

    MemoryTokenStore(TokenState initial, Supplier<@Nullable String> refreshToken) {
        this.state = initial;
        this.refreshToken = refreshToken;
    }

    @Override
    public TokenState current(Instant now) {
        return state;
    }

    @Override
    public @Nullable String refreshToken() {
        return refreshToken.get();
    }

    @Override
    public TokenState save(String accessToken, Instant expiresAt, @Nullable String rotatedRefreshToken, Instant now) {
        state = TokenState.of(accessToken, expiresAt, now);
        return state;
    }

    @Override
    public void markStale() {
        state = state.stale();
    }

    @Override
    public ReentrantLock refreshLock() {
        return lock;
    }
}
