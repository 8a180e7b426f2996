package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: BearerAuthenticator} — {@code Authorization: Bearer <api_token>}.
 * <pre>{@code authenticator: {type: BearerAuthenticator, api_token: "{{ config['token'] }}"}}</pre>
 */
@JsonTypeName("BearerAuthenticator")
public record BearerAuthenticatorSpec(
        @JsonProperty(value = "api_token", required = true) String apiToken,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    @Override
    public Authenticator build(BuildContext context) {
        return Authenticator.bearer(Credentials.evaluate(apiToken, context, parameters));
    }
}
