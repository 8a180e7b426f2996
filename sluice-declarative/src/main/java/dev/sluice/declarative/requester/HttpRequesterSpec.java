package dev.sluice.declarative.requester;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.auth.AuthenticatorSpec;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.custom.RequestPreparer;
import dev.sluice.declarative.error.DefaultErrorHandlerSpec;
import dev.sluice.declarative.error.ErrorHandlerSpec;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.declarative.requester.properties.PropertiesFromEndpointSpec;
import dev.sluice.declarative.requester.properties.ParameterComponentSpec;
import dev.sluice.declarative.requester.properties.QueryPropertiesSpec;
import dev.sluice.http.Authenticator;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.HttpExecutor;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: HttpRequester} — one request per page: URL ({@code url_base} + {@code path}, or {@code url}),
 * method, query parameters, headers and body, all templates over {@code config}, {@code parameters},
 * {@code stream_slice} (and aliases), {@code next_page_token} and the slice's extra fields.
 * <pre>{@code
 * requester:
 *   type: HttpRequester
 *   url_base: "https://api.example.com/v1/"
 *   path: "users"
 *   http_method: GET
 *   request_parameters:
 *     status: active
 *     fields: {type: QueryProperties, property_list: [id, name, email]}
 *   authenticator: {type: BearerAuthenticator, api_token: "{{ config.token }}"}
 * }</pre>
 */
@JsonTypeName("HttpRequester")
public record HttpRequesterSpec(
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
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements RequesterSpec {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public HttpRequesterSpec {
        if (httpMethod != null && !METHODS.contains(httpMethod.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("http_method must be GET or POST, got '" + httpMethod + "'");
        }
        if ((urlBase == null || urlBase.isEmpty()) && (url == null || url.isEmpty())) {
            throw new IllegalArgumentException("give url_base (with path) or url");
        }
        boolean json = requestBodyJson != null && !requestBodyJson.isNull();
        boolean data = requestBodyData != null && !requestBodyData.isNull();
        if (json && data) {
            throw new IllegalArgumentException("request_body_json and request_body_data cannot both be set");
        }
        if (requestBody != null && (json || data)) {
            throw new IllegalArgumentException("request_body cannot be combined with request_body_json or request_body_data");
        }
        if (fetchPropertiesFromEndpoint != null && requestParameters != null
                && requestParameters.queryProperties() != null) {
            throw new IllegalArgumentException("PropertiesFromEndpoint should only be specified once per stream, but "
                    + "found in HttpRequester.fetch_properties_from_endpoint and HttpRequester.request_parameters");
        }
    }

    /**
     * The properties the retriever requests in chunks, by the reference's precedence: a {@code QueryProperties}
     * among {@code request_parameters} (then {@code query_properties} is ignored), else the deprecated
     * {@code fetch_properties_from_endpoint}, else {@code query_properties}.
     */
    @Override
    public @Nullable ParameterComponentSpec effectiveQueryProperties() {
        Map.Entry<String, ParameterComponentSpec> inParameters = requestParameters == null ? null
                : requestParameters.queryProperties();
        if (inParameters != null) {
            return inParameters.getValue();
        }
        return fetchPropertiesFromEndpoint != null ? QueryPropertiesSpec.of(fetchPropertiesFromEndpoint)
                : queryProperties;
    }

    /** The requester of one stream. */
    @Override
    public HttpRequester build(BuildContext context) {
        return build(context, context.location(this), draft -> draft.request());
    }

    /**
     * The requester, its errors naming {@code location}, each request passing through {@code preparer} before it is
     * sent (a {@code CustomRequester}'s class).
     */
    HttpRequester build(BuildContext context, SpecLocation location, RequestPreparer preparer) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolatedString base = urlBase != null && !urlBase.isEmpty() ? InterpolatedString.of(urlBase, params)
                : InterpolatedString.of(url, params);
        InterpolatedString pathTemplate = path == null || path.isEmpty() ? null : InterpolatedString.of(path, params);
        ErrorHandler handler = (errorHandler == null ? DefaultErrorHandlerSpec.defaults() : errorHandler).build(context);
        Authenticator auth = authenticator == null ? Authenticator.NONE
                : authenticator.build(context, url != null && !url.isEmpty() ? url : urlBase);
        HttpExecutor executor = new HttpExecutor(context.transport(), handler, auth, context.sleeper(), context.clock())
                .inRun(context.run()).alsoObservedBy(auth.responses());
        JsonNode parameterTemplates = requestParameters == null ? null : requestParameters.templates();
        RequestTemplates templates = requestBody != null
                ? RequestTemplates.compile(parameterTemplates, requestHeaders, requestBody.build(context, params), params)
                : RequestTemplates.compile(parameterTemplates, requestHeaders, requestBodyJson, requestBodyData, params);
        String method = httpMethod == null ? "GET" : httpMethod.toUpperCase(Locale.ROOT);
        Map.Entry<String, ParameterComponentSpec> chunkParameter = requestParameters == null ? null
                : requestParameters.queryProperties();
        return new HttpRequester(base, pathTemplate, method, templates, executor, context.interpolation(),
                chunkParameter == null ? null : chunkParameter.getKey(), location, preparer);
    }
}
