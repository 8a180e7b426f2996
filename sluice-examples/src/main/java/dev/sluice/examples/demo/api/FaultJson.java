package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /_admin/faults} into rules; the format is documented on {@link DemoApi}. Unknown
 * keys are refused, so that a typo fails the test that made it instead of silently scheduling a different fault.
 */
final class FaultJson {

    private static final Set<String> RULE_KEYS = Set.of("path", "query", "times", "fault");

    private FaultJson() {
    }

    /** One rule object, or an array of them. */
    static List<FaultRule> rules(JsonNode document) throws RequestException {
        List<FaultRule> rules = new ArrayList<>();
        if (document.isArray()) {
            for (JsonNode element : document) {
                rules.add(rule(element));
            }
        } else {
            rules.add(rule(document));
        }
        return rules;
    }

    private static FaultRule rule(JsonNode node) throws RequestException {
        requireObject(node, "a fault rule");
        allowOnly(node, "a fault rule", RULE_KEYS);
        String path = text(node, "path");
        if (path.contains("?")) {
            throw new RequestException(400, "\"path\" must not contain a query; put parameters in \"query\"");
        }
        Map<String, String> query = new LinkedHashMap<>();
        JsonNode queryNode = node.path("query");
        if (!queryNode.isMissingNode()) {
            requireObject(queryNode, "\"query\"");
            for (Iterator<Map.Entry<String, JsonNode>> fields = queryNode.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    throw new RequestException(400, "\"query\" values must be strings or numbers");
                }
                query.put(field.getKey(), field.getValue().asText());
            }
        }
        JsonNode faultNode = node.path("fault");
        if (faultNode.isMissingNode()) {
            throw new RequestException(400, "missing \"fault\"");
        }
        try {
            return new FaultRule(path, query, fault(faultNode), times(node.path("times")));
        } catch (IllegalArgumentException e) {
            throw new RequestException(400, e.getMessage());
        }
    }

    private static int times(JsonNode node) throws RequestException {
        if (node.isMissingNode()) {
            return 1;
        }
        if (node.isTextual() && node.asText().equals("always")) {
            return FaultRule.ALWAYS;
        }
        if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 1) {
            return node.asInt();
        }
        throw new RequestException(400, "\"times\" must be a positive integer or \"always\"");
    }

    private static Fault fault(JsonNode node) throws RequestException {
        requireObject(node, "\"fault\"");
        String type = text(node, "type");
        switch (type) {
            case "STATUS":
                allowOnly(node, type, Set.of("type", "status", "body", "headers"));
                int status = integer(node, "status");
                String body = node.has("body") ? text(node, "body") : Fault.Status.defaultBody(status);
                return new Fault.Status(status, body, headers(node));
            case "RATE_LIMIT":
                allowOnly(node, type, Set.of("type", "retry_after_seconds"));
                return new Fault.RateLimit(integer(node, "retry_after_seconds"));
            case "RATE_LIMIT_HTTP_DATE":
                allowOnly(node, type, Set.of("type", "retry_at"));
                return new Fault.RateLimitHttpDate(instant(node, "retry_at"));
            case "DELAY":
                allowOnly(node, type, Set.of("type", "millis"));
                return new Fault.Delay(Duration.ofMillis(integer(node, "millis")));
            case "STALL_MID_BODY":
                allowOnly(node, type, Set.of("type", "millis"));
                return new Fault.StallMidBody(Duration.ofMillis(integer(node, "millis")));
            case "DROP_CONNECTION":
                allowOnly(node, type, Set.of("type"));
                return new Fault.DropConnection();
            case "RESET":
                allowOnly(node, type, Set.of("type"));
                return new Fault.Reset();
            case "TRUNCATED_BODY":
                allowOnly(node, type, Set.of("type"));
                return new Fault.TruncatedBody();
            case "MALFORMED_JSON":
                allowOnly(node, type, Set.of("type"));
                return new Fault.MalformedJson();
            case "TRUNCATED_JSON":
                allowOnly(node, type, Set.of("type"));
                return new Fault.TruncatedJson();
            case "EMPTY_200":
                allowOnly(node, type, Set.of("type"));
                return new Fault.Empty200();
            default:
                throw new RequestException(400, "unknown fault type \"" + type + "\"; expected STATUS, RATE_LIMIT, "
                        + "RATE_LIMIT_HTTP_DATE, DELAY, DROP_CONNECTION, RESET, TRUNCATED_BODY, MALFORMED_JSON, "
                        + "TRUNCATED_JSON, STALL_MID_BODY or EMPTY_200");
        }
    }

    private static Map<String, String> headers(JsonNode fault) throws RequestException {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode node = fault.path("headers");
        if (node.isMissingNode()) {
            return headers;
        }
        requireObject(node, "\"headers\"");
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new RequestException(400, "\"headers\" values must be strings");
            }
            headers.put(field.getKey(), field.getValue().asText());
        }
        return headers;
    }

    private static void requireObject(JsonNode node, String what) throws RequestException {
        if (!node.isObject()) {
            throw new RequestException(400, what + " must be a JSON object");
        }
    }

    private static void allowOnly(JsonNode node, String what, Set<String> allowed) throws RequestException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new RequestException(400, "unknown key \"" + name + "\" in " + what);
            }
        }
    }

    private static String text(JsonNode node, String key) throws RequestException {
        JsonNode value = node.path(key);
        if (!value.isTextual()) {
            throw new RequestException(400, "\"" + key + "\" must be a string");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String key) throws RequestException {
        JsonNode value = node.path(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new RequestException(400, "\"" + key + "\" must be an integer");
        }
        return value.asInt();
    }

    private static Instant instant(JsonNode node, String key) throws RequestException {
        try {
            return Instant.parse(text(node, key));
        } catch (DateTimeParseException e) {
            throw new RequestException(400, "\"" + key + "\" must be an ISO-8601 instant such as 2024-05-01T00:00:00Z");
        }
    }
}
