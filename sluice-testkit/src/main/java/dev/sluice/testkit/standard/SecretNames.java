package dev.sluice.testkit.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a config property's name says it holds a secret: its last word ({@code api_key}, {@code accessToken},
 * {@code client-secret}) is one of the secret words, or any of its words is {@code password} or {@code secret}.
 * {@code token_url} and {@code key_id} end in another word and are not secrets.
 */
final class SecretNames {

    private static final Set<String> LAST_WORDS = Set.of("password", "passwd", "passphrase", "secret", "token",
            "key", "apikey", "jwt", "credential", "pat");
    private static final Set<String> ANY_WORDS = Set.of("password", "secret");

    private SecretNames() {
    }

    static boolean looksSecret(String property) {
        List<String> words = words(property);
        if (words.isEmpty()) {
            return false;
        }
        if (LAST_WORDS.contains(words.get(words.size() - 1))) {
            return true;
        }
        return words.stream().anyMatch(ANY_WORDS::contains);
    }

    /** {@code clientSecret} and {@code client_secret} and {@code client-secret} → [client, secret]. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c);
            boolean camel = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if ((boundary || camel) && word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (!boundary) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
