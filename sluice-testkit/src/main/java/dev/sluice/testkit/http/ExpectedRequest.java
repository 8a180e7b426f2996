package dev.sluice.testkit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import dev.sluice.testkit.ReceivedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request a test expects, as matchers on method, path, query parameters, headers and body. Immutable: every
 * {@code with}-style method returns a new expectation.
 *
 * <pre>{@code
 * ExpectedRequest.get("/v1/employees").query("page", "2").header("X-Api-Key", "k")
 * ExpectedRequest.get("/v1/employees?page=2")                        // the same query, in the path
 * ExpectedRequest.get("/v1/events").query("since", "2024-01-01").allowOtherQuery()
 * ExpectedRequest.post("/oauth/token").formBody("grant_type", "refresh_token").anyQuery()
 * ExpectedRequest.post("/search").jsonBody("{\"filter\": {\"status\": \"active\"}}")
 * }</pre>
 *
 * <p>What matches, as in the reference: the method; the path (encoded, as sent, or decoded); the query
 * parameters exactly (no others, every value in order) unless {@link #allowOtherQuery()} (the declared ones
 * must be there, others may be) or {@link #anyQuery()}; the declared headers (any case of the name; others may
 * be sent); the body when one is declared: JSON compared as JSON (key order and spacing ignored), a form compared
 * by its decoded fields, text compared exactly.
 */
public final class ExpectedRequest {

    /** How the query parameters are compared. */
    public enum QueryMatch {
        /** Exactly the declared parameters, no others. */
        EXACT,
        /** At least the declared parameters; others may be sent. */
        INCLUDES,
        /** Any query. */
        ANY
    }

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final QueryMatch queryMatch;
    private final Map<String, String> headers;
    private final @Nullable BodyMatcher body;

    private ExpectedRequest(String method, String path, Map<String, List<String>> query, QueryMatch queryMatch,
            Map<String, String> headers, @Nullable BodyMatcher body) {
        this.method = method;
        this.path = path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.queryMatch = queryMatch;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
    }

    /**
     * A request of {@code method} to {@code pathAndQuery}: a path starting with {@code /}, optionally with a
     * query ({@code /items?page=2}) whose parameters are then expected exactly.
     */
    public static ExpectedRequest of(String method, String pathAndQuery) {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(pathAndQuery, "path is null");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("an expected path starts with '/': " + pathAndQuery);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, List<String>> query = question < 0 ? Map.of() : FormFields.parse(pathAndQuery.substring(
                question + 1));
        return new ExpectedRequest(method.toUpperCase(Locale.ROOT), path, query, QueryMatch.EXACT, Map.of(), null);
    }

    public static ExpectedRequest get(String pathAndQuery) {
        return of("GET", pathAndQuery);
    }

    public static ExpectedRequest post(String pathAndQuery) {
        return of("POST", pathAndQuery);
    }

    public static ExpectedRequest put(String pathAndQuery) {
        return of("PUT", pathAndQuery);
    }

    public static ExpectedRequest patch(String pathAndQuery) {
        return of("PATCH", pathAndQuery);
    }

    public static ExpectedRequest delete(String pathAndQuery) {
        return of("DELETE", pathAndQuery);
    }

    /** Also expects query parameter {@code name} with exactly these decoded values, in order. */
    public ExpectedRequest query(String name, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("query parameter " + name + " needs at least one value");
        }
        Map<String, List<String>> changed = new LinkedHashMap<>(query);
        changed.put(name, List.of(values));
        return new ExpectedRequest(method, path, changed, queryMatch == QueryMatch.ANY ? QueryMatch.EXACT
                : queryMatch, headers, body);
    }

    /** The declared query parameters must be sent; others may be sent too. */
    public ExpectedRequest allowOtherQuery() {
        return new ExpectedRequest(method, path, query, QueryMatch.INCLUDES, headers, body);
    }

    /** Any query matches (the reference's {@code ANY_QUERY_PARAMS}); declared parameters are forgotten. */
    public ExpectedRequest anyQuery() {
        return new ExpectedRequest(method, path, Map.of(), QueryMatch.ANY, headers, body);
    }

    /** Also expects header {@code name} (any case) with this value; other headers may be sent. */
    public ExpectedRequest header(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value is null"));
        return new ExpectedRequest(method, path, query, queryMatch, changed, body);
    }

    /** Expects this JSON body, compared as JSON. */
    public ExpectedRequest jsonBody(String json) {
        try {
            return withBody(new BodyMatcher.JsonBody(Json.parse(json)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the expected JSON body is not JSON: " + json, e);
        }
    }

    /** Expects this JSON body, compared as JSON. */
    public ExpectedRequest jsonBody(JsonNode json) {
        return withBody(new BodyMatcher.JsonBody(json.deepCopy()));
    }

    /**
     * Expects a form body ({@code application/x-www-form-urlencoded}) with field {@code name} set to this value,
     * besides the fields declared before; the form must hold exactly the declared fields.
     */
    public ExpectedRequest formBody(String name, String value) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body instanceof BodyMatcher.FormBody form) {
            fields.putAll(form.fields());
        }
        fields.put(name, List.of(value));
        return withBody(new BodyMatcher.FormBody(fields));
    }

    /** Expects exactly this text body. */
    public ExpectedRequest textBody(String text) {
        return withBody(new BodyMatcher.TextBody(text));
    }

    private ExpectedRequest withBody(BodyMatcher matcher) {
        return new ExpectedRequest(method, path, query, queryMatch, headers, matcher);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /**
     * How {@code request} differs from this expectation, one line per difference; empty when it matches. Method
     * and path differences come first.
     */
    public List<String> differences(ReceivedRequest request) {
        List<String> differences = new ArrayList<>();
        if (!method.equalsIgnoreCase(request.method())) {
            differences.add("method: expected " + method + " but was " + request.method());
        }
        if (!path.equals(request.path()) && !path.equals(decode(request.path()))) {
            differences.add("path: expected " + path + " but was " + request.path());
        }
        queryDifferences(request.query(), differences);
        headers.forEach((name, value) -> {
            String sent = request.header(name);
            if (sent == null) {
                differences.add("header " + name + ": expected " + value + " but it was not sent");
            } else if (!sent.equals(value)) {
                differences.add("header " + name + ": expected " + value + " but was " + sent);
            }
        });
        if (body != null) {
            body.difference(request.body()).ifPresent(differences::add);
        }
        return differences;
    }

    /** How far {@code request} is from this expectation: 0 when it matches, method and path weigh most. */
    int distance(ReceivedRequest request) {
        int distance = 0;
        for (String difference : differences(request)) {
            distance += difference.startsWith("path:") ? 10 : difference.startsWith("method:") ? 5 : 1;
        }
        return distance;
    }

    private void queryDifferences(Map<String, List<String>> sent, List<String> differences) {
        if (queryMatch == QueryMatch.ANY) {
            return;
        }
        query.forEach((name, values) -> {
            List<String> sentValues = sent.get(name);
            if (sentValues == null) {
                differences.add("query parameter " + name + ": expected " + describe(values) + " but it was not sent");
            } else if (!sentValues.equals(values)) {
                differences.add("query parameter " + name + ": expected " + describe(values) + " but was "
                        + describe(sentValues));
            }
        });
        if (queryMatch == QueryMatch.EXACT) {
            sent.forEach((name, values) -> {
                if (!query.containsKey(name)) {
                    differences.add("query parameter " + name + "=" + describe(values) + " was not expected");
                }
            });
        }
    }

    private static String describe(List<String> values) {
        return values.size() == 1 ? values.get(0) : values.toString();
    }

    private static String decode(String encodedPath) {
        return URLDecoder.decode(encodedPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code GET /items?page=2 (more query allowed) headers {x-key=k} body {...}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        if (!query.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            query.forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + value)));
            text.append('?').append(String.join("&", pairs));
        }
        if (queryMatch == QueryMatch.INCLUDES) {
            text.append(" (other query allowed)");
        } else if (queryMatch == QueryMatch.ANY) {
            text.append(" (any query)");
        }
        if (!headers.isEmpty()) {
            text.append(" headers ").append(headers);
        }
        if (body != null) {
            text.append(" body ").append(body);
        }
        return text.toString();
    }
}
