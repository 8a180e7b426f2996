package dev.sluice.protocol;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Secrets a connector obtains while it runs (OAuth access tokens, session tokens, signed JWTs), which the
 * config's {@code airbyte_secret} paths cannot name: an API that refuses a token often quotes it in its error
 * body, and that body reaches logs and traces. The reference registers such values process-wide for the same
 * reason ({@code add_to_secrets}); so does this, because the token is obtained deep inside an authenticator and
 * masked in the one writer that owns stdout. The most recent {@value #KEPT} values are kept.
 */
public final class RuntimeSecrets {

    static final int KEPT = 256;
    private static final Deque<String> VALUES = new ArrayDeque<>();
    private static volatile SecretMasker masker = SecretMasker.none();

    private RuntimeSecrets() {
    }

    /** Masks {@code value} in everything written from now on; blank values are ignored. */
    public static synchronized void add(String value) {
        if (value == null || value.isBlank() || VALUES.contains(value)) {
            return;
        }
        VALUES.addLast(value);
        if (VALUES.size() > KEPT) {
            VALUES.removeFirst();
        }
        masker = SecretMasker.of(List.copyOf(VALUES));
    }

    /** {@code text} with the secrets of {@code configured} and those added so far masked. */
    public static String mask(SecretMasker configured, String text) {
        return masker.mask(configured.mask(text));
    }

    /** A masker of the values added so far. */
    public static SecretMasker masker() {
        return masker;
    }
}
