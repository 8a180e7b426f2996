package dev.sluice.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** URL building with the reference's rules. */
public final class Urls {

    private Urls() {
    }

    /**
     * Joins a base URL and a path the way the reference does: a trailing slash is added to the base, a
     * leading slash is removed from the path, then RFC 3986 resolution applies (an absolute URL path wins).
     */
    public static URI join(String base, String path) {
        if (path.isEmpty()) {
            return URI.create(base);
        }
        String normalizedBase = base.endsWith("/") ? base : base + "/";
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(normalizedBase).resolve(relative);
    }

    /** Appends form-encoded query parameters to a URI, keeping its existing query. */
    public static URI appendQuery(URI uri, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        StringBuilder query = new StringBuilder();
        String existing = uri.getRawQuery();
        if (existing != null && !existing.isEmpty()) {
            query.append(existing);
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        String text = uri.toString();
        int cut = text.indexOf('?');
        int fragment = text.indexOf('#');
        String head = cut >= 0 ? text.substring(0, cut) : fragment >= 0 ? text.substring(0, fragment) : text;
        return URI.create(head + "?" + query);
    }

    /** Form encoding as Python's {@code urlencode} does it: space as {@code +}, {@code ~} kept, {@code *} encoded. */
    public static String encode(String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (encoded.indexOf('*') >= 0 || encoded.contains("%7E")) {
            encoded = encoded.replace("*", "%2A").replace("%7E", "~");
        }
        return encoded;
    }
}
