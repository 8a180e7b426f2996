package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a request is for, in the words the reference's Connector Builder shows: a {@code title}, a
 * {@code description}, a {@code type} ({@code HTTP} for a stream's pages, {@code AUTH} for token requests) and the
 * stream whose records it requests (null for a token request).
 */
public record ExchangeLabel(String title, String description, String type, @Nullable String streamName) {

    public ExchangeLabel {
        requireNonNull(title, "title is null");
        requireNonNull(description, "description is null");
        requireNonNull(type, "type is null");
    }

    /** A page of stream {@code name} (the reference's words in {@code model_to_component_factory._get_log_formatter}). */
    public static ExchangeLabel stream(String name) {
        return new ExchangeLabel("Stream '" + name + "' request",
                "Request performed in order to extract records for stream '" + name + "'", "HTTP", name);
    }

    /** An OAuth access-token refresh (the reference's words in {@code abstract_oauth.py}). */
    public static ExchangeLabel refreshToken() {
        return new ExchangeLabel("Refresh token", "Obtains access token", "AUTH", null);
    }

    /** A session-token login (the reference's words in {@code token_provider.py}). */
    public static ExchangeLabel login() {
        return new ExchangeLabel("Login request", "Obtains session token", "AUTH", null);
    }
}
