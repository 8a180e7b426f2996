package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import org.jspecify.annotations.Nullable;

/**
 * What {@code HttpRequester.authenticator} admits.
 * Building makes no request; tokens are fetched by the first request that needs one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = false)
@JsonSubTypes({
        @JsonSubTypes.Type(NoAuthSpec.class),
        @JsonSubTypes.Type(ApiKeyAuthenticatorSpec.class),
        @JsonSubTypes.Type(BearerAuthenticatorSpec.class),
        @JsonSubTypes.Type(BasicHttpAuthenticatorSpec.class),
        @JsonSubTypes.Type(OAuthAuthenticatorSpec.class),
        @JsonSubTypes.Type(JwtAuthenticatorSpec.class),
        @JsonSubTypes.Type(SessionTokenAuthenticatorSpec.class),
        @JsonSubTypes.Type(LegacySessionTokenAuthenticatorSpec.class),
        @JsonSubTypes.Type(SelectiveAuthenticatorSpec.class),
        @JsonSubTypes.Type(RateLimitedMultipleTokenAuthenticatorSpec.class),
        @JsonSubTypes.Type(CustomAuthenticatorSpec.class)})
public sealed interface AuthenticatorSpec
        permits NoAuthSpec, ApiKeyAuthenticatorSpec, BearerAuthenticatorSpec, BasicHttpAuthenticatorSpec,
        OAuthAuthenticatorSpec, JwtAuthenticatorSpec, SessionTokenAuthenticatorSpec,
        LegacySessionTokenAuthenticatorSpec, SelectiveAuthenticatorSpec, RateLimitedMultipleTokenAuthenticatorSpec,
        CustomAuthenticatorSpec {

    /**
     * The runtime authenticator. Thread-safe; shared by the concurrent partitions of a stream.
     *
     * @throws dev.sluice.source.ConfigException when the config cannot work with this authenticator (e.g. a
     *                                           {@code SelectiveAuthenticator} whose selection is missing)
     */
    Authenticator build(BuildContext context);

    /**
     * The authenticator of an {@code HttpRequester} whose URL template ({@code url}, else {@code url_base}) is
     * {@code requesterUrl}. Only {@code LegacySessionTokenAuthenticator} uses that URL.
     */
    default Authenticator build(BuildContext context, @Nullable String requesterUrl) {
        return build(context);
    }
}
