package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.Authenticator;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: LegacySessionTokenAuthenticator} (deprecated upstream) — a session token in {@code header}: the
 * configured {@code session_token} if {@code validate_session_url} accepts it, else one obtained from
 * {@code login_url} with {@code username} and {@code password}. Both paths are appended to the requester's
 * {@code url} (or {@code url_base}).
 * <pre>{@code
 * authenticator:
 *   type: LegacySessionTokenAuthenticator
 *   header: X-Metabase-Session
 *   session_token: "{{ config['session_token'] }}"
 *   username: "{{ config['username'] }}"
 *   password: "{{ config['password'] }}"
 *   session_token_response_key: id
 *   login_url: session
 *   validate_session_url: user/current
 * }</pre>
 */
@JsonTypeName("LegacySessionTokenAuthenticator")
public record LegacySessionTokenAuthenticatorSpec(
        @JsonProperty(value = "header", required = true) String header,
        @JsonProperty(value = "login_url", required = true) String loginUrl,
        @JsonProperty("session_token") @Nullable String sessionToken,
        @JsonProperty(value = "session_token_response_key", required = true) String sessionTokenResponseKey,
        @JsonProperty("username") @Nullable String username,
        @JsonProperty("password") @Nullable String password,
        @JsonProperty(value = "validate_session_url", required = true) String validateSessionUrl,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public LegacySessionTokenAuthenticatorSpec {
        requireNonNull(header, "header is required");
        requireNonNull(loginUrl, "login_url is required");
        requireNonNull(sessionTokenResponseKey, "session_token_response_key is required");
        requireNonNull(validateSessionUrl, "validate_session_url is required");
    }

    @Override
    public Authenticator build(BuildContext context) {
        throw new ManifestException("LegacySessionTokenAuthenticator works only as the authenticator of an "
                + "HttpRequester (it needs the requester's url_base)");
    }

    @Override
    public Authenticator build(BuildContext context, @Nullable String requesterUrl) {
        if (requesterUrl == null) {
            return build(context);
        }
        JsonNode params = BuildContext.parameters(parameters);
        InterpolationContext interpolation = context.interpolation();
        LegacySessionTokenAuthenticator.Settings settings = new LegacySessionTokenAuthenticator.Settings(
                text(requesterUrl, params, interpolation), text(header, params, interpolation),
                text(sessionToken, params, interpolation), text(username, params, interpolation),
                text(password, params, interpolation), text(sessionTokenResponseKey, params, interpolation),
                text(loginUrl, params, interpolation), text(validateSessionUrl, params, interpolation));
        return new LegacySessionTokenAuthenticator(settings, context);
    }

    private static Supplier<String> text(@Nullable String template, JsonNode params,
            InterpolationContext interpolation) {
        if (template == null || template.isEmpty()) {
            return () -> "";
        }
        InterpolatedString compiled = InterpolatedString.of(template, params);
        return () -> {
            String value = compiled.evalString(interpolation);
            return value.equals("None") ? "" : value;
        };
    }
}
