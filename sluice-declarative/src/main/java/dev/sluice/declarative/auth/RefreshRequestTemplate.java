package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh request of an {@code OAuthAuthenticator}, rendered when a refresh is due. Fields in the reference's
 * order: grant type, client id and secret (left out when {@code refresh_request_headers} has an
 * {@code Authorization} header), refresh token, {@code scopes} (repeated), then the {@code refresh_request_body}
 * fields that do not clash with those. With a profile assertion the body is the grant type and the signed JWT.
 */
final class RefreshRequestTemplate {

    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Logger log = LoggerFactory.getLogger(RefreshRequestTemplate.class);

    /** The names and values of the standard fields; a value is null when the manifest leaves it out. */
    record Fields(InterpolatedString grantTypeName, InterpolatedString grantType, InterpolatedString clientIdName,
            @Nullable Supplier<String> clientId, InterpolatedString clientSecretName,
            @Nullable Supplier<String> clientSecret, String refreshTokenName, List<String> scopes) {
    }

    private final @Nullable InterpolatedString endpoint;
    private final Fields fields;
    private final InterpolatedMapping body;
    private final InterpolatedMapping headers;
    private final boolean asQuery;
    private final @Nullable JwtAuthenticator assertion;
    private final InterpolationContext context;

    RefreshRequestTemplate(@Nullable InterpolatedString endpoint, Fields fields, InterpolatedMapping body,
            InterpolatedMapping headers, boolean asQuery, @Nullable JwtAuthenticator assertion,
            InterpolationContext context) {
        this.endpoint = endpoint;
        this.fields = fields;
        this.body = body;
        this.headers = headers;
        this.asQuery = asQuery;
        this.assertion = assertion;
        this.context = context;
    }

    boolean hasEndpoint() {
        return endpoint != null;
    }

    /** The request that trades {@code refreshToken} (null for grants without one) for an access token. */
    TokenEndpoint.Request render(@Nullable String refreshToken) {
        String url = endpoint == null ? "" : endpoint.evalString(context);
        if (url.isEmpty()) {
            throw new ConfigException("OAuthAuthenticator: token_refresh_endpoint rendered empty; check the config "
                    + "values it uses");
        }
        Map<String, String> headerValues = new LinkedHashMap<>();
        headers.eval(context).properties().forEach(header -> headerValues.put(header.getKey(),
                PythonText.str(header.getValue())));
        List<String> secrets = new ArrayList<>();
        List<Map.Entry<String, String>> form = assertion != null ? assertionForm(secrets)
                : standardForm(headerValues.containsKey("Authorization"), refreshToken, secrets);
        return new TokenEndpoint.Request(url, headerValues, form, asQuery && assertion == null, secrets);
    }

    private List<Map.Entry<String, String>> assertionForm(List<String> secrets) {
        String jwt = assertion.token();
        secrets.add(jwt);
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry(fields.grantTypeName().evalString(context), JWT_BEARER_GRANT));
        form.add(Map.entry("assertion", jwt));
        return form;
    }

    private List<Map.Entry<String, String>> standardForm(boolean credentialsInHeader, @Nullable String refreshToken,
            List<String> secrets) {
        Map<String, JsonNode> payload = new LinkedHashMap<>();
        payload.put(fields.grantTypeName().evalString(context), text(fields.grantType().evalString(context)));
        if (!credentialsInHeader) {
            payload.put(fields.clientIdName().evalString(context), text(clientId()));
            String secret = fields.clientSecret() == null ? null : fields.clientSecret().get();
            if (secret == null || secret.isEmpty()) {
                log.warn("OAuthAuthenticator: client_secret rendered empty; check the config if that is unexpected");
            } else {
                secrets.add(secret);
            }
            payload.put(fields.clientSecretName().evalString(context), text(secret));
        }
        if (refreshToken != null) {
            secrets.add(refreshToken);
        }
        payload.put(fields.refreshTokenName(), text(refreshToken));
        if (!fields.scopes().isEmpty()) {
            payload.put("scopes", Json.MAPPER.valueToTree(fields.scopes()));
        }
        ObjectNode extra = body.eval(context);
        extra.properties().forEach(entry -> payload.putIfAbsent(entry.getKey(), entry.getValue()));
        return formFields(payload);
    }

    private String clientId() {
        String clientId = fields.clientId() == null ? "" : fields.clientId().get();
        if (clientId.isEmpty()) {
            throw new ConfigException("OAuthAuthenticator: client_id rendered empty; check the config values it uses");
        }
        return clientId;
    }

    /** Python's form encoding: None is left out, a list repeats its key, everything else is {@code str()}. */
    private static List<Map.Entry<String, String>> formFields(Map<String, JsonNode> payload) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        payload.forEach((key, value) -> {
            if (value.isArray()) {
                value.forEach(element -> {
                    if (!element.isNull()) {
                        form.add(Map.entry(key, PythonText.str(element)));
                    }
                });
            } else if (!value.isNull()) {
                form.add(Map.entry(key, PythonText.str(value)));
            }
        });
        return form;
    }

    private static JsonNode text(@Nullable String value) {
        return value == null ? Json.nodes().nullNode()
                : Json.nodes().textNode(value);
    }
}
