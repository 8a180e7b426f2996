package dev.sluice.cli;

import dev.sluice.protocol.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every form in which a secret could show up in a text: as it is, JSON-escaped, and percent-encoded the ways
 * encoders differ on (Java's form encoding keeps {@code *} and encodes {@code ~}; Python's {@code urlencode} does
 * the opposite; RFC 3986 writes a space as {@code %20}, forms as {@code +}), in upper and lower case hex.
 */
final class SecretForms {

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

    private SecretForms() {
    }

    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String json = Json.write(secret);
        forms.add(json.substring(1, json.length() - 1));
        String javaForm = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String pythonForm = javaForm.replace("*", "%2A").replace("%7E", "~");
        for (String encoded : List.of(javaForm, pythonForm)) {
            for (String spaced : List.of(encoded, encoded.replace("+", "%20"))) {
                forms.add(spaced);
                forms.add(lowerCaseEscapes(spaced));
            }
        }
        return forms;
    }

    /** {@code secret-name: form} for every form of every secret found in {@code text}. */
    static List<String> foundIn(String text, List<String> secrets) {
        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            for (String form : of(secret)) {
                if (text.contains(form)) {
                    found.add(secret + " as " + form);
                }
            }
        }
        return found;
    }

    private static String lowerCaseEscapes(String text) {
        Matcher matcher = PERCENT_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group().toLowerCase(Locale.ROOT));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
