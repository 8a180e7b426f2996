package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What components add to a request: query parameters (a value is a string, or an array for repeated
 * parameters), headers, a JSON body and a form body. Combining options from different components refuses
 * duplicate keys, as the reference does ("Request body collision, duplicate keys detected at key path"),
 * except that JSON bodies merge nested objects and tolerate equal values.
 */
public record RequestOptions(Map<String, JsonNode> parameters, Map<String, String> headers, ObjectNode bodyJson,
        Map<String, String> bodyData) {

    public static final RequestOptions NONE = new RequestOptions(Map.of(), Map.of(), Json.object(), Map.of());

    public RequestOptions {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        bodyData = Collections.unmodifiableMap(new LinkedHashMap<>(bodyData));
    }

    public static RequestOptions parameter(String name, JsonNode value) {
        return new RequestOptions(Map.of(name, value), Map.of(), Json.object(), Map.of());
    }

    public static RequestOptions header(String name, String value) {
        return new RequestOptions(Map.of(), Map.of(name, value), Json.object(), Map.of());
    }

    public static RequestOptions bodyJson(ObjectNode body) {
        return new RequestOptions(Map.of(), Map.of(), body, Map.of());
    }

    public static RequestOptions bodyData(String name, String value) {
        return new RequestOptions(Map.of(), Map.of(), Json.object(), Map.of(name, value));
    }

    public boolean isEmpty() {
        return parameters.isEmpty() && headers.isEmpty() && bodyJson.isEmpty() && bodyData.isEmpty();
    }

    /**
     * Both sets of options.
     *
     * @throws ManifestException naming the key when both set the same parameter, header or form field, or the
     *                           same JSON body path to different values
     */
    public RequestOptions plus(RequestOptions other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new RequestOptions(union(parameters, other.parameters, "request parameter"),
                union(headers, other.headers, "header"), mergeJson(bodyJson, other.bodyJson, ""),
                union(bodyData, other.bodyData, "body field"));
    }

    private static <V> Map<String, V> union(Map<String, V> first, Map<String, V> second, String what) {
        if (second.isEmpty()) {
            return first;
        }
        Map<String, V> result = new LinkedHashMap<>(first);
        for (Map.Entry<String, V> entry : second.entrySet()) {
            if (result.containsKey(entry.getKey())) {
                throw collision(what, entry.getKey());
            }
            result.put(entry.getKey(), entry.getValue());
        }
        return result;
    }

    private static ObjectNode mergeJson(ObjectNode first, ObjectNode second, String path) {
        if (second.isEmpty()) {
            return first;
        }
        ObjectNode result = first.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = second.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = result.get(field.getKey());
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (existing == null) {
                result.set(field.getKey(), field.getValue());
            } else if (existing.isObject() && field.getValue().isObject()) {
                result.set(field.getKey(), mergeJson((ObjectNode) existing, (ObjectNode) field.getValue(), childPath));
            } else if (!existing.equals(field.getValue())) {
                throw collision("body", childPath);
            }
        }
        return result;
    }

    private static ManifestException collision(String what, String key) {
        return new ManifestException("Request body collision, duplicate keys detected at key path: " + key
                + " (two components set the same " + what + ")");
    }

    /** The parameter's value as text, or null when absent. */
    public @Nullable String parameterText(String name) {
        JsonNode value = parameters.get(name);
        return value == null ? null : value.asText();
    }
}
