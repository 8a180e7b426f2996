package dev.sluice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the human-readable error in an API's error body, as the reference does: the first truthy value under
 * {@code message, messages, error, errors, failures, failure, detail, err, error_message, msg, reason,
 * status_message}, searched recursively; lists are joined with {@code ", "}. Non-JSON bodies yield their text.
 */
public final class ErrorMessages {

    private static final List<String> KEYS = List.of("message", "messages", "error", "errors", "failures",
            "failure", "detail", "err", "error_message", "msg", "reason", "status_message");
    private static final int MAX_TEXT = 500;

    private ErrorMessages() {
    }

    /** The error message of a response body, or "" when there is none. */
    public static String describe(HttpResponse response) {
        if (response.body().length == 0) {
            return "";
        }
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            String found = find(body);
            if (found != null) {
                return abbreviate(found);
            }
        } catch (java.io.IOException notJson) {
            // fall through to the raw text
        }
        return abbreviate(response.bodyText().strip());
    }

    private static @Nullable String find(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().isEmpty() ? null : node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode element : node) {
                String part = find(element);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        if (node.isObject()) {
            for (String key : KEYS) {
                JsonNode value = node.get(key);
                if (value != null && !value.isNull()) {
                    String found = find(value);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
