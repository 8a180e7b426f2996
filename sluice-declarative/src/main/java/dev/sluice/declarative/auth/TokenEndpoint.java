package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpExecutor;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.Urls;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts a refresh request to an OAuth token endpoint through an {@link HttpExecutor} (timeouts, retries as
 * {@link TokenEndpointErrors} says) and returns the JSON it answers. Credentials travel in the form body or,
 * with {@code send_refresh_request_as_query_params}, in the query — added per attempt, so that the URL in logs
 * and error messages never shows them.
 */
final class TokenEndpoint {

    /**
     * One refresh request.
     *
     * @param form    form fields in order; a key may repeat (a list value, as {@code requests} encodes it)
     * @param secrets values to mask in error messages (client secret, refresh token, assertion)
     */
    record Request(String url, Map<String, String> headers, List<Map.Entry<String, String>> form, boolean asQuery,
            List<String> secrets) {
        Request {
            requireNonNull(url, "url is null");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            form = List.copyOf(form);
            secrets = List.copyOf(secrets);
        }
    }

    private final BuildContext context;
    private final RefreshTokenErrors refreshTokenErrors;

    TokenEndpoint(BuildContext context, RefreshTokenErrors refreshTokenErrors) {
        this.context = context;
        this.refreshTokenErrors = refreshTokenErrors;
    }

    /** The token endpoint's JSON answer to a successful request. */
    JsonNode send(Request request) {
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("OAuthAuthenticator: token_refresh_endpoint is not a valid URL: "
                    + request.url());
        }
        String encoded = encode(request.form());
        Authenticator credentials = request.asQuery() && !encoded.isEmpty()
                ? attempt -> attempt.withUri(withQuery(attempt.uri(), encoded)) : Authenticator.NONE;
        HttpExecutor executor = new HttpExecutor(context.transport(),
                new TokenEndpointErrors(refreshTokenErrors, request.secrets()), TokenEndpointErrors.RETRY_POLICY,
                credentials, context.sleeper(), context.clock()).inRun(context.run())
                .alsoObservedBy(context.run().service(ExchangeLabels.SERVICE).observer(ExchangeLabel.refreshToken()));
        return executor.send(post(uri, request, encoded), response -> parse(response.body()))
                .orElseThrow(() -> new ConnectorException(FailureType.SYSTEM_ERROR,
                        "OAuth access token refresh request failed."));
    }

    private static HttpRequest post(URI uri, Request request, String encoded) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean hasBody = !request.asQuery() && !encoded.isEmpty();
        boolean contentTypeGiven = request.headers().keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (hasBody && !contentTypeGiven) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        headers.putAll(request.headers());
        return new HttpRequest("POST", uri, headers, hasBody ? encoded.getBytes(StandardCharsets.UTF_8) : null);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            // The body may hold a token: say what went wrong, never what was sent back.
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "OAuth access token refresh request failed.",
                    "The OAuth token endpoint answered a body that is not JSON (" + body.length + " bytes)", null);
        }
    }

    /** {@code a=1&b=x+y} as {@code requests} form-encodes a mapping. */
    static String encode(List<Map.Entry<String, String>> fields) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(Urls.encode(field.getKey())).append('=').append(Urls.encode(field.getValue()));
        }
        return text.toString();
    }

    private static URI withQuery(URI uri, String encoded) {
        String text = uri.toString();
        int fragment = text.indexOf('#');
        String head = fragment >= 0 ? text.substring(0, fragment) : text;
        String separator = uri.getRawQuery() == null ? "?" : uri.getRawQuery().isEmpty() ? "" : "&";
        return URI.create(head + separator + encoded);
    }
}
