package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: OAuthAuthenticator} — OAuth 2.0: an access token from {@code token_refresh_endpoint} (refresh-token
 * grant by default, or {@code client_credentials}, or a JWT profile assertion), sent as
 * {@code Authorization: Bearer <token>} and refreshed shortly before it expires. With
 * {@code refresh_token_updater} the tokens live in the config and rotated ones are reported to the platform.
 * <pre>{@code
 * authenticator:
 *   type: OAuthAuthenticator
 *   token_refresh_endpoint: https://api.example.com/oauth/token
 *   client_id: "{{ config['credentials']['client_id'] }}"
 *   client_secret: "{{ config['credentials']['client_secret'] }}"
 *   refresh_token: "{{ config['credentials']['refresh_token'] }}"
 *   scopes: [read]
 *   refresh_token_error_status_codes: [400]
 *   refresh_token_error_key: error
 *   refresh_token_error_values: [invalid_grant]
 * }</pre>
 */
@JsonTypeName("OAuthAuthenticator")
public record OAuthAuthenticatorSpec(
        @JsonProperty("client_id_name") @Nullable String clientIdName,
        @JsonProperty("client_id") @Nullable String clientId,
        @JsonProperty("client_secret_name") @Nullable String clientSecretName,
        @JsonProperty("client_secret") @Nullable String clientSecret,
        @JsonProperty("refresh_token_name") @Nullable String refreshTokenName,
        @JsonProperty("refresh_token") @Nullable String refreshToken,
        @JsonProperty("token_refresh_endpoint") @Nullable String tokenRefreshEndpoint,
        @JsonProperty("access_token_name") @Nullable String accessTokenName,
        @JsonProperty("access_token_value") @Nullable String accessTokenValue,
        @JsonProperty("expires_in_name") @Nullable String expiresInName,
        @JsonProperty("grant_type_name") @Nullable String grantTypeName,
        @JsonProperty("grant_type") @Nullable String grantType,
        @JsonProperty("refresh_request_body") @Nullable ObjectNode refreshRequestBody,
        @JsonProperty("refresh_request_headers") @Nullable ObjectNode refreshRequestHeaders,
        @JsonProperty("send_refresh_request_as_query_params") @Nullable Boolean sendRefreshRequestAsQueryParams,
        @JsonProperty("scopes") @Nullable List<String> scopes,
        @JsonProperty("token_expiry_date") @Nullable String tokenExpiryDate,
        @JsonProperty("token_expiry_date_format") @Nullable String tokenExpiryDateFormat,
        @JsonProperty("refresh_token_error_status_codes") @Nullable List<Integer> refreshTokenErrorStatusCodes,
        @JsonProperty("refresh_token_error_key") @Nullable String refreshTokenErrorKey,
        @JsonProperty("refresh_token_error_values") @Nullable List<String> refreshTokenErrorValues,
        @JsonProperty("refresh_token_updater") @Nullable RefreshTokenUpdaterSpec refreshTokenUpdater,
        @JsonProperty("profile_assertion") @Nullable JwtAuthenticatorSpec profileAssertion,
        @JsonProperty("use_profile_assertion") @Nullable Boolean useProfileAssertion,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    private static final List<String> CONFIG_CLIENT_ID = List.of("credentials", "client_id");
    private static final List<String> CONFIG_CLIENT_SECRET = List.of("credentials", "client_secret");

    public OAuthAuthenticatorSpec {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        boolean assertion = Boolean.TRUE.equals(useProfileAssertion);
        if (assertion && profileAssertion == null) {
            throw new IllegalArgumentException("use_profile_assertion needs a profile_assertion");
        }
        if (refreshTokenUpdater == null && !assertion) {
            if (clientId == null || clientSecret == null) {
                throw new IllegalArgumentException("client_id and client_secret are required (unless "
                        + "use_profile_assertion is true)");
            }
            boolean refreshGrant = grantType == null || grantType.equals("refresh_token");
            if (refreshGrant && refreshToken == null) {
                throw new IllegalArgumentException("refresh_token is required when grant_type is refresh_token");
            }
        }
        boolean onAuthenticator = !isEmpty(refreshTokenErrorStatusCodes) || !isEmpty(refreshTokenErrorValues)
                || (refreshTokenErrorKey != null && !refreshTokenErrorKey.isEmpty());
        if (onAuthenticator && refreshTokenUpdater != null && !refreshTokenUpdater.errors().isEmpty()) {
            throw new IllegalArgumentException("give refresh_token_error_* on the OAuthAuthenticator or on its "
                    + "refresh_token_updater, not both");
        }
    }

    @Override
    public OAuthAuthenticator build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolationContext interpolation = context.interpolation();
        TokenStore store;
        String sentRefreshTokenName;
        String rotatedRefreshTokenName = null;
        Supplier<String> id = template(clientId, params, interpolation);
        Supplier<String> secret = template(clientSecret, params, interpolation);
        if (refreshTokenUpdater != null) {
            store = new ConfigTokenStore(LiveConfig.of(context.run(), context.config()), refreshTokenUpdater.paths(),
                    context.configUpdates());
            sentRefreshTokenName = refreshTokenUpdater.refreshTokenName();
            rotatedRefreshTokenName = sentRefreshTokenName;
            // As the reference's updater does, client credentials in the config's credentials win over the templates.
            id = fromConfigOr(context, CONFIG_CLIENT_ID, id);
            secret = fromConfigOr(context, CONFIG_CLIENT_SECRET, secret);
        } else {
            Supplier<String> refresh = template(refreshToken, params, interpolation);
            store = new MemoryTokenStore(OAuthInitialToken.of(this, params, context), refresh == null ? () -> null
                    : refresh);
            sentRefreshTokenName = eval(refreshTokenName, "refresh_token", params, interpolation);
        }
        RefreshRequestTemplate.Fields fields = new RefreshRequestTemplate.Fields(name(grantTypeName, "grant_type", params),
                name(grantType, "refresh_token", params), name(clientIdName, "client_id", params), id,
                name(clientSecretName, "client_secret", params), secret, sentRefreshTokenName, scopes);
        RefreshRequestTemplate request = new RefreshRequestTemplate(
                tokenRefreshEndpoint == null ? null : InterpolatedString.of(tokenRefreshEndpoint, params), fields,
                InterpolatedMapping.of(orEmpty(refreshRequestBody), params),
                InterpolatedMapping.of(orEmpty(refreshRequestHeaders), params),
                Boolean.TRUE.equals(sendRefreshRequestAsQueryParams),
                Boolean.TRUE.equals(useProfileAssertion) ? profileAssertion.build(context) : null, interpolation);
        OAuthAuthenticator.ResponseNames names = new OAuthAuthenticator.ResponseNames(
                eval(accessTokenName, "access_token", params, interpolation),
                eval(expiresInName, "expires_in", params, interpolation), rotatedRefreshTokenName,
                tokenExpiryDateFormat == null || tokenExpiryDateFormat.isEmpty() ? null : tokenExpiryDateFormat);
        String fixed = refreshTokenUpdater == null && tokenRefreshEndpoint == null
                ? OAuthInitialToken.accessTokenValue(this, params, interpolation) : null;
        return new OAuthAuthenticator(request, new TokenEndpoint(context, refreshTokenErrors()), store, names,
                fixed == null || fixed.isEmpty() ? null : fixed, context.clock(), context.run().secrets());
    }

    /** The authenticator's own fields, else the updater's deprecated ones. */
    RefreshTokenErrors refreshTokenErrors() {
        RefreshTokenErrors own = new RefreshTokenErrors(orEmpty(refreshTokenErrorStatusCodes),
                refreshTokenErrorKey == null ? "" : refreshTokenErrorKey, orEmpty(refreshTokenErrorValues));
        return own.isEmpty() && refreshTokenUpdater != null ? refreshTokenUpdater.errors() : own;
    }

    private static @Nullable Supplier<String> template(@Nullable String text, JsonNode params,
            InterpolationContext interpolation) {
        if (text == null) {
            return null;
        }
        InterpolatedString compiled = InterpolatedString.of(text, params);
        return () -> compiled.evalString(interpolation);
    }

    private static Supplier<String> fromConfigOr(BuildContext context, List<String> path,
            @Nullable Supplier<String> template) {
        return () -> {
            JsonNode value = ConfigPaths.get(context.config().json(), path);
            return value != null ? PythonText.str(value) : template == null ? "" : template.get();
        };
    }

    private static InterpolatedString name(@Nullable String text, String fallback, JsonNode params) {
        return InterpolatedString.of(text == null || text.isEmpty() ? fallback : text, params);
    }

    private static String eval(@Nullable String text, String fallback, JsonNode params,
            InterpolationContext interpolation) {
        return name(text, fallback, params).evalString(interpolation);
    }

    private static ObjectNode orEmpty(@Nullable ObjectNode node) {
        return node == null ? Json.object() : node;
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean isEmpty(@Nullable List<?> list) {
        return list == null || list.isEmpty();
    }
}
