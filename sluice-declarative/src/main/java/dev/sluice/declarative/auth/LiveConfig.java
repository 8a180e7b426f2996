package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
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
 * single-use refresh token rotated by one stream is what the next stream refreshes with. Held by the run
 * ({@link Registry#SERVICE}), so two runs — two sources or two Kafka Connect tasks in one JVM — never see each
 * other's updates; within a run keyed by identity, so equal configs built separately never share tokens either.
 * Entries go when their {@code Config} is collected.
 */
final class LiveConfig {

    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile ObjectNode current;
    private volatile @Nullable TokenState tokens;

    private LiveConfig(ObjectNode initial) {
        this.current = initial;
    }

    /** The live version of {@code config} in {@code run}. */
    static LiveConfig of(RunContext run, Config config) {
        return run.service(Registry.SERVICE).of(config);
    }

    /** The live configs of one run. */
    static final class Registry {
        static final RunContext.Service<Registry> SERVICE = RunContext.Service.of("live config", Registry.class,
                run -> new Registry());

        private final Map<IdentityKey, LiveConfig> live = new HashMap<>();
        private final ReferenceQueue<Config> collected = new ReferenceQueue<>();

        synchronized LiveConfig of(Config config) {
            for (Reference<? extends Config> gone = collected.poll(); gone != null; gone = collected.poll()) {
                live.remove((IdentityKey) gone);
            }
            LiveConfig result = live.get(new IdentityKey(config, null));
            if (result == null) {
                result = new LiveConfig(config.json().deepCopy());
                live.put(new IdentityKey(config, collected), result);
            }
            return result;
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
