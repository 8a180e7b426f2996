package dev.sluice.declarative.budget;

import static java.util.Objects.requireNonNull;

import dev.sluice.http.HttpRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a policy applies to: every criterion given must hold — the method (case-insensitive), the base
 * URL ({@code scheme://host[:port]}), a regular expression found in the path (trailing slash removed), query
 * parameters and headers present with these values (header names case-insensitive). A matched request costs
 * {@code weight} calls (1 when not given).
 */
record HttpRequestRegexMatcher(@Nullable String method, @Nullable String urlBase, @Nullable Pattern pathPattern,
        Map<String, String> params, Map<String, String> headers, @Nullable Integer weight) {

    HttpRequestRegexMatcher {
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        urlBase = urlBase == null ? null : stripTrailingSlashes(urlBase);
        params = Map.copyOf(requireNonNull(params, "params is null"));
        Map<String, String> lowerCased = new HashMap<>();
        requireNonNull(headers, "headers is null").forEach((name, value) -> lowerCased.put(lower(name), value));
        headers = Map.copyOf(lowerCased);
        if (weight != null && weight < 1) {
            throw new IllegalArgumentException("weight must be >= 1, got " + weight);
        }
    }

    boolean matches(HttpRequest request) {
        if (method != null && !method.equals(request.method())) {
            return false;
        }
        URI uri = request.uri();
        if (urlBase != null && !urlBase.equals(uri.getScheme() + "://" + uri.getRawAuthority())) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : stripTrailingSlashes(uri.getRawPath());
        if (pathPattern != null && !pathPattern.matcher(path).find()) {
            return false;
        }
        if (!params.isEmpty() && !contains(query(uri), params)) {
            return false;
        }
        if (!headers.isEmpty()) {
            Map<String, String> sent = new HashMap<>();
            request.headers().forEach((name, value) -> sent.put(lower(name), value));
            return contains(sent, headers);
        }
        return true;
    }

    /** The query as Python's {@code dict(parse_qsl(query))} reads it: blank values dropped, the last value wins. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("[&;]")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!value.isEmpty()) {
                values.put(decode(name), decode(value));
            }
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static boolean contains(Map<String, String> actual, Map<String, String> expected) {
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            if (!entry.getValue().equals(actual.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
