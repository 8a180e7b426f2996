package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a value: method, absolute URI (query included), headers in insertion order and an
 * optional body. Authenticators and retries derive new requests with the {@code with*} methods.
 */
public record HttpRequest(String method, URI uri, Map<String, String> headers, byte @Nullable [] body) {

    public HttpRequest {
        requireNonNull(method, "method is null");
        requireNonNull(uri, "uri is null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static HttpRequest get(URI uri) {
        return new HttpRequest("GET", uri, Map.of(), null);
    }

    public HttpRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpRequest(method, uri, copy, body);
    }

    public HttpRequest withUri(URI newUri) {
        return new HttpRequest(method, newUri, headers, body);
    }

    /** This request with one more query parameter (encoded). */
    public HttpRequest withQueryParameter(String name, String value) {
        return withUri(Urls.appendQuery(uri, Map.of(name, value)));
    }

    public HttpRequest withBody(byte[] newBody, String contentType) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put("Content-Type", contentType);
        return new HttpRequest(method, uri, copy, newBody);
    }

    /** {@code GET https://host/path?query} — the form used in error messages (callers mask secrets). */
    public String describe() {
        return method + " " + uri;
    }
}
