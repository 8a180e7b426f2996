package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;

/** What {@code HttpRequester.authenticator} admits. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(NoAuthSpec.class),
        @JsonSubTypes.Type(ApiKeyAuthenticatorSpec.class),
        @JsonSubTypes.Type(BearerAuthenticatorSpec.class),
        @JsonSubTypes.Type(BasicHttpAuthenticatorSpec.class)})
public sealed interface AuthenticatorSpec
        permits NoAuthSpec, ApiKeyAuthenticatorSpec, BearerAuthenticatorSpec, BasicHttpAuthenticatorSpec {

    Authenticator build(BuildContext context);
}
