package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.http.Authenticator;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: Bearer} — the session token as {@code Authorization: Bearer <token>}.
 * <pre>{@code request_authentication: {type: Bearer}}</pre>
 */
@JsonTypeName("Bearer")
public record SessionTokenRequestBearerAuthenticatorSpec(
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SessionTokenRequestAuthenticationSpec {

    @Override
    public Authenticator build(BuildContext context, SessionTokenProvider provider) {
        return new SessionTokenAuthenticator(provider,
                token -> RequestOptions.header("Authorization", "Bearer " + PythonText.str(token)));
    }
}
