package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.auth.AuthenticatorSpec;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.CustomComponents;
import dev.sluice.declarative.custom.RequestPreparer;
import dev.sluice.declarative.error.ErrorHandlerSpec;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import dev.sluice.declarative.requester.properties.PropertiesFromEndpointSpec;
import dev.sluice.declarative.requester.properties.QueryPropertiesSpec;
import dev.sluice.protocol.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: CustomRequester} — an {@link HttpRequesterSpec HttpRequester} (the same fields, validated and built
 * the same way) whose every request passes through a Java class before it is sent: the class named by
 * {@code class_name}, loaded from the source's class loader, implements {@link RequestPreparer} and may change the
 * request's URL, query encoding, headers or body. Its {@link dev.sluice.declarative.custom.CustomComponentContext}
 * holds the requester's text fields ({@code url_base}, {@code path}, ...), the keys HttpRequester does not know, and
 * {@code $parameters}.
 * <pre>{@code
 * requester:
 *   type: CustomRequester
 *   class_name: com.example.linkedin.SafeEncodeRequester
 *   url_base: https://api.linkedin.com/rest/
 *   path: adAccounts
 *   request_parameters: {search: "(status:(values:List(ACTIVE)))"}
 * }</pre>
 */
@JsonTypeName("CustomRequester")
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomRequesterSpec(
        @JsonProperty(value = "class_name", required = true) String className,
        @JsonProperty("url_base") @Nullable String urlBase,
        @JsonProperty("url") @Nullable String url,
        @JsonProperty("path") @Nullable String path,
        @JsonProperty("http_method") @Nullable String httpMethod,
        @JsonProperty("authenticator") @Nullable AuthenticatorSpec authenticator,
        @JsonProperty("fetch_properties_from_endpoint") @Nullable PropertiesFromEndpointSpec fetchPropertiesFromEndpoint,
        @JsonProperty("query_properties") @Nullable QueryPropertiesSpec queryProperties,
        @JsonProperty("request_parameters") @Nullable RequestParametersSpec requestParameters,
        @JsonProperty("request_headers") @Nullable JsonNode requestHeaders,
        @JsonProperty("request_body_data") @Nullable JsonNode requestBodyData,
        @JsonProperty("request_body_json") @Nullable JsonNode requestBodyJson,
        @JsonProperty("request_body") @Nullable RequestBodySpec requestBody,
        @JsonProperty("error_handler") @Nullable ErrorHandlerSpec errorHandler,
        @JsonProperty("use_cache") @Nullable Boolean useCache,
        @JsonProperty("name") @Nullable String name,
        @JsonAnySetter @Nullable Map<String, JsonNode> fields,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements RequesterSpec {

    public CustomRequesterSpec {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        // The HttpRequester's own checks (a URL, one kind of body, ...), at bind time with the YAML path and line.
        asHttpRequester(urlBase, url, path, httpMethod, authenticator, fetchPropertiesFromEndpoint, queryProperties,
                requestParameters, requestHeaders, requestBodyData, requestBodyJson, requestBody, errorHandler,
                useCache, name, parameters);
    }

    @Override
    public @Nullable ParameterComponentSpec effectiveQueryProperties() {
        return http().effectiveQueryProperties();
    }

    @Override
    public HttpRequester build(BuildContext context) {
        RequestPreparer preparer = CustomComponents.create(RequestPreparer.class, "CustomRequester", this, className,
                classFields(), parameters, context);
        return http().build(context, context.location(this), preparer);
    }

    private HttpRequesterSpec http() {
        return asHttpRequester(urlBase, url, path, httpMethod, authenticator, fetchPropertiesFromEndpoint,
                queryProperties, requestParameters, requestHeaders, requestBodyData, requestBodyJson, requestBody,
                errorHandler, useCache, name, parameters);
    }

    private static HttpRequesterSpec asHttpRequester(@Nullable String urlBase, @Nullable String url,
            @Nullable String path, @Nullable String httpMethod, @Nullable AuthenticatorSpec authenticator,
            @Nullable PropertiesFromEndpointSpec fetchPropertiesFromEndpoint,
            @Nullable QueryPropertiesSpec queryProperties, @Nullable RequestParametersSpec requestParameters,
            @Nullable JsonNode requestHeaders, @Nullable JsonNode requestBodyData, @Nullable JsonNode requestBodyJson,
            @Nullable RequestBodySpec requestBody, @Nullable ErrorHandlerSpec errorHandler,
            @Nullable Boolean useCache, @Nullable String name, @Nullable ObjectNode parameters) {
        return new HttpRequesterSpec(urlBase, url, path, httpMethod, authenticator, fetchPropertiesFromEndpoint,
                queryProperties, requestParameters, requestHeaders, requestBodyData, requestBodyJson, requestBody,
                errorHandler, useCache, name, parameters);
    }

    /** What the class sees: the requester's plain fields, then the keys an HttpRequester does not know. */
    private Map<String, JsonNode> classFields() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        putText(all, "url_base", urlBase);
        putText(all, "url", url);
        putText(all, "path", path);
        putText(all, "http_method", httpMethod);
        putText(all, "name", name);
        putJson(all, "request_headers", requestHeaders);
        putJson(all, "request_body_data", requestBodyData);
        putJson(all, "request_body_json", requestBodyJson);
        if (useCache != null) {
            all.put("use_cache", Json.nodes().booleanNode(useCache));
        }
        all.putAll(fields);
        return all;
    }

    private static void putText(Map<String, JsonNode> into, String key, @Nullable String value) {
        if (value != null) {
            into.put(key, Json.nodes().textNode(value));
        }
    }

    private static void putJson(Map<String, JsonNode> into, String key, @Nullable JsonNode value) {
        if (value != null && !value.isNull()) {
            into.put(key, value);
        }
    }
}
