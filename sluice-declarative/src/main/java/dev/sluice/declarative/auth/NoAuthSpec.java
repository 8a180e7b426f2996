package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: NoAuth} — requests go out without credentials.
 * <pre>{@code authenticator: {type: NoAuth}}</pre>
 */
@JsonTypeName("NoAuth")
public record NoAuthSpec(@JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    @Override
    public Authenticator build(BuildContext context) {
        return Authenticator.NONE;
    }
}
