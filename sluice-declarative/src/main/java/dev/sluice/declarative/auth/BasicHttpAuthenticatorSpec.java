package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: BasicHttpAuthenticator} — {@code Authorization: Basic base64(username:password)}.
 * <pre>{@code authenticator: {type: BasicHttpAuthenticator, username: "{{ config.user }}", password: "{{ config.pass }}"}}</pre>
 */
@JsonTypeName("BasicHttpAuthenticator")
public record BasicHttpAuthenticatorSpec(
        @JsonProperty(value = "username", required = true) String username,
        @JsonProperty("password") @Nullable String password,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    @Override
    public Authenticator build(BuildContext context) {
        String credentials = Credentials.evaluate(username, context, parameters) + ":"
                + Credentials.evaluate(password, context, parameters);
        String encoded = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return Authenticator.header("Authorization", "Basic " + encoded);
    }
}
