package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.InjectInto;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.http.Authenticator;
import dev.sluice.protocol.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: ApiKeyAuthenticator} — puts {@code api_token} in a header (deprecated {@code header}) or wherever
 * {@code inject_into} says (header, query parameter or body).
 * <pre>{@code
 * authenticator:
 *   type: ApiKeyAuthenticator
 *   api_token: "{{ config['api_key'] }}"
 *   inject_into: {type: RequestOption, inject_into: request_parameter, field_name: api_key}
 * }</pre>
 */
@JsonTypeName("ApiKeyAuthenticator")
public record ApiKeyAuthenticatorSpec(
        @JsonProperty("api_token") @Nullable String apiToken,
        @JsonProperty("header") @Nullable String header,
        @JsonProperty("inject_into") @Nullable RequestOptionSpec injectInto,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    public ApiKeyAuthenticatorSpec {
        boolean hasHeader = header != null && !header.isEmpty();
        if (hasHeader == (injectInto != null)) {
            throw new IllegalArgumentException("give exactly one of header or inject_into");
        }
    }

    @Override
    public Authenticator build(BuildContext context) {
        String token = Credentials.evaluate(apiToken, context, parameters);
        RequestOption option = injectInto != null ? injectInto.build(context)
                : new RequestOption(InjectInto.HEADER, List.of(Credentials.evaluate(header, context, parameters)));
        return Credentials.injecting(option.inject(Json.nodes().textNode(token)));
    }
}
