package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.http.Authenticator;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ApiKey} — the session token, rendered into {@code api_token} (default {@code {{ session_token }}}),
 * injected where {@code inject_into} says.
 * <pre>{@code
 * request_authentication:
 *   type: ApiKey
 *   api_token: "Token {{ session_token }}"
 *   inject_into: {type: RequestOption, inject_into: header, field_name: Authorization}
 * }</pre>
 */
@JsonTypeName("ApiKey")
public record SessionTokenRequestApiKeyAuthenticatorSpec(
        @JsonProperty(value = "inject_into", required = true) RequestOptionSpec injectInto,
        @JsonProperty("api_token") @Nullable String apiToken,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements SessionTokenRequestAuthenticationSpec {

    private static final String DEFAULT_TOKEN = "{{ session_token }}";

    public SessionTokenRequestApiKeyAuthenticatorSpec {
        requireNonNull(injectInto, "inject_into is required");
    }

    @Override
    public Authenticator build(BuildContext context, SessionTokenProvider provider) {
        RequestOption option = injectInto.build(context);
        InterpolatedString template = InterpolatedString.of(apiToken == null || apiToken.isEmpty() ? DEFAULT_TOKEN
                : apiToken, BuildContext.parameters(parameters));
        InterpolationContext interpolation = context.interpolation();
        return new SessionTokenAuthenticator(provider, token -> option.inject(Json.nodes().textNode(
                template.evalString(interpolation.with("session_token", token)))));
    }
}
