package dev.sluice.declarative.custom;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.http.HttpRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A request as the requester built it, handed to a {@link RequestPreparer}: the request itself (URL with the
 * query form-encoded the way the reference encodes it), its query decoded into parameters in order, and what it
 * was built for (the slice and the page token).
 *
 * @param nextPageToken the paginator's token for this page ({@code {"next_page_token": ...}}), or null on the
 *                      first page
 */
public record RequestDraft(HttpRequest request, StreamSlice slice, @Nullable JsonNode nextPageToken) {

    /** One query parameter, decoded. A repeated parameter appears once per value. */
    public record QueryParameter(String name, String value) {
        public QueryParameter {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    public RequestDraft {
        requireNonNull(request, "request is null");
        requireNonNull(slice, "slice is null");
    }

    /** The query parameters of the request's URL, decoded, in order. */
    public List<QueryParameter> query() {
        String raw = request.uri().getRawQuery();
        List<QueryParameter> parameters = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.add(new QueryParameter(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return List.copyOf(parameters);
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> queryValue(String name) {
        return query().stream().filter(parameter -> parameter.name().equals(name)).map(QueryParameter::value)
                .findFirst();
    }

    /** The request's URL without its query (and fragment). */
    public URI urlWithoutQuery() {
        String text = request.uri().toString();
        int cut = text.indexOf('?');
        int fragment = text.indexOf('#');
        return URI.create(cut >= 0 ? text.substring(0, cut) : fragment >= 0 ? text.substring(0, fragment) : text);
    }

    /**
     * The query re-encoded with percent-encoding (a space as {@code %20}), leaving the characters of
     * {@code keepUnencoded} as they are in values, e.g. {@code "(),:"} for APIs that parse their own syntax in
     * a parameter and reject it encoded.
     */
    public String rawQuery(String keepUnencoded) {
        return query().stream()
                .map(parameter -> percentEncode(parameter.name(), "") + "=" + percentEncode(parameter.value(),
                        keepUnencoded))
                .collect(Collectors.joining("&"));
    }

    /**
     * The request with its query replaced by {@code rawQuery}, sent exactly as given (no further encoding);
     * the caller encodes what must be encoded. An empty text removes the query.
     *
     * @throws IllegalArgumentException when the result is not a valid URI (e.g. a raw space)
     */
    public HttpRequest withRawQuery(String rawQuery) {
        URI base = urlWithoutQuery();
        return request.withUri(URI.create(rawQuery.isEmpty() ? base.toString() : base + "?" + rawQuery));
    }

    /** Percent-encoding of UTF-8 bytes as RFC 3986 wants it, except the characters of {@code keep}. */
    public static String percentEncode(String value, String keep) {
        StringBuilder encoded = new StringBuilder();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (keep.indexOf(value.charAt(i)) >= 0) {
                encoded.append(encodeSegment(value.substring(start, i))).append(value.charAt(i));
                start = i + 1;
            }
        }
        return encoded.append(encodeSegment(value.substring(start))).toString();
    }

    private static String encodeSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
