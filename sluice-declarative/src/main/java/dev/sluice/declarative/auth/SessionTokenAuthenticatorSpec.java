package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ExchangeLabel;
import dev.sluice.declarative.component.ExchangeLabels;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.decoder.DecoderSpec;
import dev.sluice.declarative.decoder.JsonDecoderSpec;
import dev.sluice.http.Authenticator;
import dev.sluice.source.ConnectorException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: SessionTokenAuthenticator} — logs in with {@code login_requester} (any {@code HttpRequester}, with
 * its own authenticator), reads the session token at {@code session_token_path}, keeps it for
 * {@code expiration_duration} (ISO-8601; without it every request logs in) and injects it as
 * {@code request_authentication} says.
 * <pre>{@code
 * authenticator:
 *   type: SessionTokenAuthenticator
 *   login_requester:
 *     type: HttpRequester
 *     url_base: https://api.example.com
 *     path: login
 *     http_method: POST
 *     authenticator: {type: BasicHttpAuthenticator, username: "{{ config.username }}", password: "{{ config.password }}"}
 *   session_token_path: [access_token]
 *   expiration_duration: PT1H
 *   request_authentication: {type: Bearer}
 * }</pre>
 */
@JsonTypeName("SessionTokenAuthenticator")
public record SessionTokenAuthenticatorSpec(
        @JsonProperty(value = "login_requester", required = true) LoginRequesterSpec loginRequester,
        @JsonProperty(value = "session_token_path", required = true) List<String> sessionTokenPath,
        @JsonProperty("expiration_duration") @Nullable String expirationDuration,
        @JsonProperty(value = "request_authentication", required = true)
        SessionTokenRequestAuthenticationSpec requestAuthentication,
        @JsonProperty("decoder") @Nullable DecoderSpec decoder,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public SessionTokenAuthenticatorSpec {
        requireNonNull(loginRequester, "login_requester is required");
        requireNonNull(requestAuthentication, "request_authentication is required");
        sessionTokenPath = List.copyOf(requireNonNull(sessionTokenPath,
                "session_token_path is required"));
        if (expirationDuration != null && !expirationDuration.isEmpty()) {
            try {
                IsoDuration.parse(expirationDuration);
            } catch (ConnectorException e) {
                throw new IllegalArgumentException("expiration_duration: " + e.getMessage());
            }
        }
    }

    @Override
    public Authenticator build(BuildContext context) {
        SessionTokenProvider provider = new SessionTokenProvider(loginRequester.build(context)
                .alsoObservedBy(context.run().service(ExchangeLabels.SERVICE).observer(ExchangeLabel.login())), sessionTokenPath,
                expirationDuration == null || expirationDuration.isEmpty() ? null
                        : IsoDuration.parse(expirationDuration),
                decoder == null ? JsonDecoderSpec.DEFAULT : decoder.build(context), context.clock(),
                context.run().secrets());
        return requestAuthentication.build(context, provider);
    }
}
