package dev.sluice.examples.demo.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request as the demo API received it, before any fault or latency acted on it.
 *
 * <p>Values are kept exactly as sent, API keys included: the log exists so that a test can check what a connector
 * sent. Keep it out of anything a connector prints.
 *
 * @param receivedAt when the request had been read completely
 * @param method the request method, as sent ({@code GET})
 * @param path the percent-decoded path, without the query ({@code /employees})
 * @param query decoded query parameters in order of appearance
 * @param headers header values by lower-case name, in order of appearance
 * @param body the body decoded as UTF-8; empty when there was none
 */
public record RecordedRequest(
        Instant receivedAt,
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body) {

    public RecordedRequest {
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(body, "body is null");
        query = copy(query, false);
        headers = copy(headers, true);
    }

    /** The first value of a header; names are case-insensitive. */
    public Optional<String> header(String name) {
        return first(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        return first(query.get(name));
    }

    /** The body decoded as form parameters ({@code a=1&b=2}); an empty map when it is not a form. */
    public Map<String, List<String>> form() {
        boolean isForm = header("content-type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        return isForm ? QueryString.parse(body) : Map.of();
    }

    private static Optional<String> first(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean lowerCaseNames) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(source, "map is null").forEach((name, values) -> copy.put(
                lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
