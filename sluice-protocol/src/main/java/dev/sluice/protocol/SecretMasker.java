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
 * forms, because an API key injected as a query parameter appears encoded in request URLs. Encoders differ on
 * {@code *} and {@code ~} (Java's form encoding keeps the one and escapes the other, Python's {@code urlencode}
 * and RFC 3986 the reverse), on the space ({@code +} or {@code %20}) and on the case of hex digits; every
 * combination is masked.
 */
public final class SecretMasker {

    public static final String MASK = "****";
    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> needles;

    private SecretMasker(List<String> needles) {
        this.needles = needles;
    }

    private static String lowerCaseEscapes(String encoded) {
        StringBuilder text = new StringBuilder(encoded);
        for (int i = text.indexOf("%"); i >= 0 && i + 2 < text.length(); i = text.indexOf("%", i + 1)) {
            text.setCharAt(i + 1, Character.toLowerCase(text.charAt(i + 1)));
            text.setCharAt(i + 2, Character.toLowerCase(text.charAt(i + 2)));
        }
        return text.toString();
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
            String javaForm = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            String pythonForm = javaForm.replace("*", "%2A").replace("%7E", "~");
            for (String encoded : List.of(javaForm, pythonForm)) {
                for (String spaced : List.of(encoded, encoded.replace("+", "%20"))) {
                    forms.add(spaced);
                    forms.add(lowerCaseEscapes(spaced));
                }
            }
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
