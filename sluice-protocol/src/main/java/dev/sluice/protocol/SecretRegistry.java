package dev.sluice.protocol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Secrets one running source obtains while it runs (OAuth access and rotated refresh tokens, session tokens,
 * signed JWTs), which the config's {@code airbyte_secret} paths cannot name: an API that refuses a token often
 * quotes it in its error body, and that body reaches logs and traces. One registry belongs to one run, so two
 * sources in one JVM (two Kafka Connect tasks) never mask, or see, each other's tokens. Every value added stays
 * masked for the life of the registry: there is no cap that would silently stop masking older values.
 *
 * <p>Thread-safe: authenticators add from reader threads while the writer masks.
 */
public final class SecretRegistry {

    private final Set<String> values = new LinkedHashSet<>();
    private volatile SecretMasker masker = SecretMasker.none();

    /** Masks {@code value} in everything masked with this registry from now on; blank values are ignored. */
    public void add(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        synchronized (values) {
            if (values.add(value)) {
                masker = masker.plus(SecretMasker.of(List.of(value)));
            }
        }
    }

    /** A masker of the values added so far (a snapshot: later additions make a new masker). */
    public SecretMasker masker() {
        return masker;
    }

    /** {@code text} with the secrets of {@code configured} and those added so far masked. */
    public String mask(SecretMasker configured, String text) {
        return masker.mask(configured.mask(text));
    }

    public int size() {
        synchronized (values) {
            return values.size();
        }
    }
}
