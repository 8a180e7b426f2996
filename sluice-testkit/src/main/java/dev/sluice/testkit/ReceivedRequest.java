package dev.sluice.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One request as {@link MockApi} received it, read out of MockWebServer's {@link RecordedRequest} into plain values
 * so tests can compare them with AssertJ.
 *
 * @param method the HTTP method, upper case ({@code GET})
 * @param target the request target as sent: the encoded path and query ({@code /items?page=2&token=a%2Fb})
 * @param path the encoded path without the query ({@code /items})
 * @param query the decoded query parameters, in the order they first appear; a repeated name keeps every value
 * @param headers the headers by lower-case name; a repeated header keeps its last value
 * @param body the body as UTF-8 text, empty when there was none
 */
public record ReceivedRequest(String method, String target, String path, Map<String, List<String>> query,
        Map<String, String> headers, String body) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(path, "path is null");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body is null");
    }

    /** The values of the recorded request. */
    public static ReceivedRequest of(RecordedRequest recorded) {
        HttpUrl url = recorded.getUrl();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameterValues(name).stream().map(value -> value == null ? "" : value)
                    .toList());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        recorded.getHeaders().forEach(pair -> headers.put(pair.getFirst().toLowerCase(Locale.ROOT), pair.getSecond()));
        String body = recorded.getBody() == null ? "" : recorded.getBody().utf8();
        return new ReceivedRequest(recorded.getMethod(), recorded.getTarget(), url.encodedPath(), query, headers,
                body);
    }

    /** The first value of query parameter {@code name}, or {@code null} when it was not sent. */
    public @Nullable String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of header {@code name} (any case), or {@code null} when it was not sent. */
    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code METHOD target}, the form {@link MockApi#targets()} lists. */
    @Override
    public String toString() {
        return method + " " + target;
    }
}
