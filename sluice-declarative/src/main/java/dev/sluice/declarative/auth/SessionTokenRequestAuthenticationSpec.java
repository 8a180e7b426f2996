package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;

/**
 * What {@code SessionTokenAuthenticator.request_authentication} admits. The type names are {@code ApiKey} and
 * {@code Bearer}, not the schema's definition names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(SessionTokenRequestApiKeyAuthenticatorSpec.class),
        @JsonSubTypes.Type(SessionTokenRequestBearerAuthenticatorSpec.class)})
public sealed interface SessionTokenRequestAuthenticationSpec
        permits SessionTokenRequestApiKeyAuthenticatorSpec, SessionTokenRequestBearerAuthenticatorSpec {

    /** An authenticator that injects the session token {@code provider} holds. */
    Authenticator build(BuildContext context, SessionTokenProvider provider);
}
