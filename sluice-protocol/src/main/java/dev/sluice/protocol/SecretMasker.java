package dev.sluice.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces known secret values by {@code ****} in any text. Each secret is also masked in its URL-encoded
 * forms, because an API key injected as a query parameter appears encoded in request URLs.
 */
public final class SecretMasker {

    public static final String MASK = "****";
    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> needles;

    private SecretMasker(List<String> needles) {
        this.needles = needles;
    }

    public static SecretMasker none() {
        return NONE;
    }

    /** A masker for these secret values; empty values are ignored. */
    public static SecretMasker of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.add(formEncoded);
            forms.add(formEncoded.replace("+", "%20"));
        }
        // Longest first, so that a secret containing another secret is masked whole.
        List<String> ordered = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new SecretMasker(ordered);
    }

    public boolean isEmpty() {
        return needles.isEmpty();
    }

    public String mask(String text) {
        String result = text;
        for (String needle : needles) {
            if (result.contains(needle)) {
                result = result.replace(needle, MASK);
            }
        }
        return result;
    }

    /** A masker that hides the secrets of both. */
    public SecretMasker plus(SecretMasker other) {
        Set<String> all = new LinkedHashSet<>(needles);
        all.addAll(other.needles);
        return new SecretMasker(all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }
}
