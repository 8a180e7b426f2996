package dev.sluice.declarative.requester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.LiteralTypes;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The requester's own parameters, headers and body, compiled once, rendered per request with the reference's
 * typing: map-form parameter and form values keep their text unless it is a string or a list, headers and JSON
 * bodies are fully cast, and entries that render empty are dropped.
 */
record RequestTemplates(@Nullable InterpolatedMapping parameterMap, @Nullable InterpolatedString parameterString,
        @Nullable InterpolatedMapping headerMap, @Nullable InterpolatedString headerString,
        RequestBody body) {

    /** With the legacy body fields: at most one of {@code bodyJson} and {@code bodyData}. */
    static RequestTemplates compile(@Nullable JsonNode parameters, @Nullable JsonNode headers,
            @Nullable JsonNode bodyJson, @Nullable JsonNode bodyData, JsonNode componentParameters) {
        RequestBody body = bodyJson != null && !bodyJson.isNull() ? RequestBody.json(bodyJson, componentParameters)
                : RequestBody.data(bodyData, componentParameters);
        return compile(parameters, headers, body, componentParameters);
    }

    static RequestTemplates compile(@Nullable JsonNode parameters, @Nullable JsonNode headers, RequestBody body,
            JsonNode componentParameters) {
        return new RequestTemplates(
                isObject(parameters) ? InterpolatedMapping.of(parameters, componentParameters) : null,
                isString(parameters) ? InterpolatedString.of(parameters.asText(), componentParameters, "") : null,
                isObject(headers) ? InterpolatedMapping.of(headers, componentParameters) : null,
                isString(headers) ? InterpolatedString.of(headers.asText(), componentParameters, "") : null,
                body);
    }

    private static boolean isObject(@Nullable JsonNode node) {
        return node != null && node.isObject();
    }

    private static boolean isString(@Nullable JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty();
    }

    /** Parameters, headers, JSON body and form fields for one request. */
    RequestOptions render(InterpolationContext context) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        ObjectNode renderedParameters = parameterMap != null
                ? parameterMap.eval(context, LiteralTypes.STRING, LiteralTypes.STRING_OR_LIST)
                : parameterString != null ? asObject(parameterString.eval(context)) : null;
        if (renderedParameters != null) {
            for (Map.Entry<String, JsonNode> entry : entries(renderedParameters)) {
                JsonNode value = entry.getValue();
                if (value.isObject()) {
                    throw new ManifestException("Invalid value for `" + entry.getKey()
                            + "` parameter. The values of request params cannot be an object.");
                }
                parameters.put(entry.getKey(), value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode renderedHeaders = headerMap != null ? headerMap.eval(context, LiteralTypes.ANY, LiteralTypes.ANY)
                : headerString != null ? requireObject(headerString.eval(context), "request_headers") : null;
        if (renderedHeaders != null) {
            entries(renderedHeaders).forEach(entry -> headers.put(entry.getKey(), RequestOption.text(entry.getValue())));
        }
        ObjectNode json = Json.object();
        JsonNode renderedJson = body.jsonMap() != null ? body.jsonMap().eval(context)
                : body.jsonString() != null ? body.jsonString().eval(context) : null;
        if (renderedJson != null && renderedJson.isObject()) {
            entries((ObjectNode) renderedJson).forEach(entry -> json.set(entry.getKey(), entry.getValue()));
        }
        return new RequestOptions(parameters, headers, json, Map.of());
    }

    /**
     * The form fields of {@code request_body_data} given as a mapping: a list value repeats its field
     * ({@code k=1&k=2}), as Python's {@code urlencode(..., doseq=True)} does.
     */
    Map<String, List<String>> formFields(InterpolationContext context) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        InterpolatedMapping dataMap = body.dataMap();
        if (dataMap != null) {
            for (Map.Entry<String, JsonNode> entry : entries(dataMap.eval(context, LiteralTypes.STRING,
                    LiteralTypes.STRING_OR_LIST))) {
                List<String> values = new ArrayList<>();
                if (entry.getValue().isArray()) {
                    entry.getValue().forEach(value -> values.add(RequestOption.text(value)));
                } else {
                    values.add(RequestOption.text(entry.getValue()));
                }
                form.put(entry.getKey(), values);
            }
        }
        return form;
    }

    /** The raw text body of {@code request_body_data} given as one template, or null. */
    @Nullable String rawBody(InterpolationContext context) {
        InterpolatedString dataString = body.dataString();
        if (dataString == null) {
            return null;
        }
        JsonNode value = dataString.eval(context);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.asText() : RequestOption.text(value);
    }

    private static @Nullable ObjectNode asObject(@Nullable JsonNode value) {
        return value != null && value.isObject() ? (ObjectNode) value : null;
    }

    private static @Nullable ObjectNode requireObject(@Nullable JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ManifestException(field + ": the template must render a mapping, got '" + value.asText() + "'");
        }
        return (ObjectNode) value;
    }

    /** The entries whose value rendered to something: null and empty strings are dropped, as the reference does. */
    private static Iterable<Map.Entry<String, JsonNode>> entries(ObjectNode node) {
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                continue;
            }
            kept.put(field.getKey(), value);
        }
        return kept.entrySet();
    }
}
