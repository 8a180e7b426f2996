package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.datetime.IsoDateTimes;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The token an {@code OAuthAuthenticator} without {@code refresh_token_updater} starts with: the rendered
 * {@code access_token_value}, valid until {@code token_expiry_date} (a date, or epoch seconds). Without an expiry
 * date the given token counts as expired, as in the reference, and the first request refreshes it.
 */
final class OAuthInitialToken {

    private OAuthInitialToken() {
    }

    static TokenState of(OAuthAuthenticatorSpec spec, JsonNode params, BuildContext context) {
        InterpolationContext interpolation = context.interpolation();
        String token = accessTokenValue(spec, params, interpolation);
        if (token == null || token.isEmpty()) {
            return TokenState.none();
        }
        context.run().secrets().add(token);
        Instant now = context.clock().instant();
        Instant expiresAt = expiryDate(spec.tokenExpiryDate(), params, interpolation);
        return TokenState.of(token, expiresAt == null ? now.minus(Duration.ofDays(1)) : expiresAt, now);
    }

    static @Nullable String accessTokenValue(OAuthAuthenticatorSpec spec, JsonNode params,
            InterpolationContext interpolation) {
        String value = spec.accessTokenValue();
        return value == null ? null : InterpolatedString.of(value, params).evalString(interpolation);
    }

    private static @Nullable Instant expiryDate(@Nullable String template, JsonNode params,
            InterpolationContext interpolation) {
        if (template == null || template.isEmpty()) {
            return null;
        }
        String text = InterpolatedString.of(template, params).evalString(interpolation);
        // An expiry date that renders empty (not in the config yet) means "unknown": refresh first.
        if (text.isEmpty() || text.equals("None")) {
            return null;
        }
        try {
            return IsoDateTimes.parse(text).toInstant();
        } catch (ConnectorException e) {
            throw new ConfigException("OAuthAuthenticator: invalid token expiry date format: " + e.getMessage());
        }
    }
}
