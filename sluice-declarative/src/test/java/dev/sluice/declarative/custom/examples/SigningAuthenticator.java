package dev.sluice.declarative.custom.examples;

import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;

/** CustomAuthenticator: signs each request with the reversed key (its field {@code key}, a template). */
public final class SigningAuthenticator implements Authenticator {

    private final String signature;

    public SigningAuthenticator(CustomComponentContext context) {
        this.signature = new StringBuilder(context.rendered("key").orElseThrow(() -> context.invalid("key",
                "is required"))).reverse().toString();
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        return request.withHeader("X-Signature", signature);
    }
}
