package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.Config;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The user's config as components changed it during this run (rotated OAuth tokens), shared by every component
 * built from the same {@link Config} instance — the reference's components share one mutable config dict, so a
 * single-use refresh token rotated by one stream is what the next stream refreshes with. Keyed by identity:
 * equal configs of two runs (or two tests) never share tokens. Entries go when their {@code Config} is collected.
 */
final class LiveConfig {

    private static final Map<IdentityKey, LiveConfig> LIVE = new HashMap<>();
    private static final ReferenceQueue<Config> COLLECTED = new ReferenceQueue<>();

    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile ObjectNode current;
    private volatile @Nullable TokenState tokens;

    private LiveConfig(ObjectNode initial) {
        this.current = initial;
    }

    static LiveConfig of(Config config) {
        synchronized (LIVE) {
            for (Reference<? extends Config> gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
                LIVE.remove((IdentityKey) gone);
            }
            LiveConfig live = LIVE.get(new IdentityKey(config, null));
            if (live == null) {
                live = new LiveConfig(config.json().deepCopy());
                LIVE.put(new IdentityKey(config, COLLECTED), live);
            }
            return live;
        }
    }

    /** The current config; callers must not mutate it. */
    ObjectNode current() {
        return current;
    }

    /** Serialises token refreshes of every authenticator sharing this config. */
    ReentrantLock refreshLock() {
        return refreshLock;
    }

    /** The token read from (or last written to) this config, cached with its refresh time. */
    @Nullable TokenState tokens() {
        return tokens;
    }

    void update(ObjectNode newConfig, TokenState newTokens) {
        current = newConfig;
        tokens = newTokens;
    }

    void cacheTokens(TokenState read) {
        tokens = read;
    }

    /** A weak reference compared by the identity of its referent; a cleared key equals only itself. */
    private static final class IdentityKey extends WeakReference<Config> {
        private final int hash;

        IdentityKey(Config config, @Nullable ReferenceQueue<Config> queue) {
            super(config, queue);
            this.hash = System.identityHashCode(config);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof IdentityKey key)) {
                return false;
            }
            Config referent = get();
            return referent != null && referent == key.get();
        }
    }
}
