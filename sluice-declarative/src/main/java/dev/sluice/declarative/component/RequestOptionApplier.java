package dev.sluice.declarative.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.Urls;
import dev.sluice.protocol.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts {@link RequestOptions} into an {@link HttpRequest}: query parameters, headers and body fields. */
public final class RequestOptionApplier {

    private RequestOptionApplier() {
    }

    public static HttpRequest apply(HttpRequest request, RequestOptions options) {
        if (options.isEmpty()) {
            return request;
        }
        HttpRequest result = request.withUri(withParameters(request.uri(), options.parameters()));
        for (Map.Entry<String, String> header : options.headers().entrySet()) {
            result = result.withHeader(header.getKey(), header.getValue());
        }
        if (!options.bodyJson().isEmpty()) {
            result = withJsonFields(result, options.bodyJson());
        }
        if (!options.bodyData().isEmpty()) {
            result = withFormFields(result, options.bodyData());
        }
        return result;
    }

    /**
     * Appends parameters to a URI. A list value repeats the parameter; a parameter already in the URL with the
     * same value is not added again (the reference de-duplicates the same way).
     */
    public static URI withParameters(URI uri, Map<String, JsonNode> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        List<String[]> existing = queryPairs(uri.getRawQuery());
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            List<String> values = new ArrayList<>();
            if (parameter.getValue().isArray()) {
                parameter.getValue().forEach(value -> values.add(RequestOption.text(value)));
            } else {
                values.add(RequestOption.text(parameter.getValue()));
            }
            for (String value : values) {
                if (existing.stream().anyMatch(pair -> pair[0].equals(parameter.getKey()) && pair[1].equals(value))) {
                    continue;
                }
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(Urls.encode(parameter.getKey())).append('=').append(Urls.encode(value));
            }
        }
        String text = uri.toString();
        int cut = text.indexOf('?');
        String head = cut >= 0 ? text.substring(0, cut) : text;
        return URI.create(query.length() == 0 ? head : head + "?" + query);
    }

    private static List<String[]> queryPairs(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)});
        }
        return pairs;
    }

    private static HttpRequest withJsonFields(HttpRequest request, ObjectNode fields) {
        ObjectNode body = Json.object();
        byte[] current = request.body();
        if (current != null && current.length > 0) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(current);
                if (parsed.isObject()) {
                    body = (ObjectNode) parsed;
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot add JSON body fields to a non-JSON body", e);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        RequestOptions merged = RequestOptions.bodyJson(body).plus(RequestOptions.bodyJson(fields));
        return request.withBody(Json.write(merged.bodyJson()).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static HttpRequest withFormFields(HttpRequest request, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        byte[] current = request.body();
        if (current != null && current.length > 0) {
            for (String[] pair : queryPairs(new String(current, StandardCharsets.UTF_8))) {
                form.put(pair[0], pair[1]);
            }
        }
        form.putAll(fields);
        return request.withBody(formBody(form).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** {@code a=1&b=x+y}, form-encoded. */
    public static String formBody(Map<String, String> fields) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        fields.forEach((name, value) -> multi.put(name, List.of(value)));
        return repeatedFormBody(multi);
    }

    /** Form-encoded fields, a field with several values repeated ({@code k=1&k=2}). */
    public static String repeatedFormBody(Map<String, List<String>> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(Urls.encode(field.getKey())).append('=').append(Urls.encode(value));
            }
        }
        return body.toString();
    }
}
