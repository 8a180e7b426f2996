package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.RequestOptionApplier;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import java.util.function.Function;

/**
 * Puts a session token into every request; {@link #invalidate()} (a {@code REFRESH_TOKEN_THEN_RETRY} response)
 * makes the next request log in again.
 */
final class SessionTokenAuthenticator implements Authenticator {

    private final SessionTokenProvider provider;
    private final Function<JsonNode, RequestOptions> options;

    SessionTokenAuthenticator(SessionTokenProvider provider, Function<JsonNode, RequestOptions> options) {
        this.provider = provider;
        this.options = options;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        return RequestOptionApplier.apply(request, options.apply(provider.token()));
    }

    @Override
    public void invalidate() {
        provider.invalidate();
    }
}
