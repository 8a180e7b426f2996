package dev.sluice.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response the {@link HttpMocker} sends: a status, headers and a text body.
 *
 * <pre>{@code
 * Reply.json("{\"data\": []}")                       // 200, Content-Type: application/json
 * Reply.json(429, "{}").withHeader("Retry-After", "1")
 * Reply.status(204)
 * }</pre>
 *
 * @param status the HTTP status code (100 to 599)
 * @param headers the response headers by name, in order
 * @param body the body, empty for none
 */
public record Reply(int status, Map<String, String> headers, String body) {

    public Reply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599, not " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body is null");
    }

    /** A {@code 200} response with this JSON text as its body. */
    public static Reply json(String body) {
        return json(200, body);
    }

    /** A response with this status and JSON text as its body ({@code Content-Type: application/json}). */
    public static Reply json(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }

    /** A {@code 200} response with this JSON value as its body. */
    public static Reply json(JsonNode body) {
        return json(200, Json.write(body));
    }

    /** A response with this status and no body. */
    public static Reply status(int status) {
        return new Reply(status, Map.of(), "");
    }

    /** A {@code 200} response with this plain text as its body. */
    public static Reply text(String body) {
        return new Reply(200, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
    }

    /** This response with header {@code name} set to {@code value} (replacing one of the same name). */
    public Reply withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        changed.put(name, value);
        return new Reply(status, changed, body);
    }

    /** This response with another status. */
    public Reply withStatus(int newStatus) {
        return new Reply(newStatus, headers, body);
    }
}
