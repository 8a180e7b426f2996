package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.datetime.DatetimeFormat;
import dev.sluice.declarative.datetime.IsoDateTimes;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConfigException;
import dev.sluice.source.ConnectorException;
import dev.sluice.protocol.SecretRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime of {@link OAuthAuthenticatorSpec}: {@code Authorization: Bearer <access token>}, the token refreshed at
 * the token endpoint when it is missing, (nearly) expired or {@link #invalidate() invalidated}. Thread-safe:
 * concurrent requests that find the token expired wait for one refresh. With a fixed {@code access_token_value}
 * and no endpoint, that token is used as is.
 */
final class OAuthAuthenticator implements Authenticator {

    /** How the response names the token's lifetime; {@code expiryFormat} set means it is a date, not seconds. */
    record ResponseNames(String accessToken, String expiresIn, @Nullable String rotatedRefreshToken,
            @Nullable String expiryFormat) {
    }

    private static final Logger log = LoggerFactory.getLogger(OAuthAuthenticator.class);
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final RefreshRequestTemplate refreshRequest;
    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final ResponseNames names;
    private final @Nullable String fixedToken;
    private final Clock clock;
    private final SecretRegistry secrets;

    OAuthAuthenticator(RefreshRequestTemplate refreshRequest, TokenEndpoint endpoint, TokenStore store,
            ResponseNames names, @Nullable String fixedToken, Clock clock, SecretRegistry secrets) {
        this.secrets = secrets;
        this.refreshRequest = refreshRequest;
        this.endpoint = endpoint;
        this.store = store;
        this.names = names;
        this.fixedToken = fixedToken;
        this.clock = clock;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        return request.withHeader("Authorization", "Bearer " + accessToken());
    }

    @Override
    public void invalidate() {
        store.markStale();
    }

    String accessToken() {
        if (fixedToken != null) {
            return fixedToken;
        }
        TokenState state = store.current(clock.instant());
        if (state.isFresh(clock.instant())) {
            return state.accessToken();
        }
        ReentrantLock lock = store.refreshLock();
        lock.lock();
        try {
            // Another request may have refreshed while this one waited.
            state = store.current(clock.instant());
            if (state.isFresh(clock.instant())) {
                return state.accessToken();
            }
            return refresh(state).accessToken();
        } finally {
            lock.unlock();
        }
    }

    private TokenState refresh(TokenState previous) {
        if (!refreshRequest.hasEndpoint()) {
            throw new ConfigException("OAuthAuthenticator: there is no access token (access_token_value rendered "
                    + "empty) and no token_refresh_endpoint to get one");
        }
        JsonNode response = endpoint.send(refreshRequest.render(store.refreshToken()));
        JsonNode token = TokenResponses.find(response, names.accessToken());
        String accessToken = token == null ? "" : PythonText.str(token);
        if (accessToken.isEmpty()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "Token refresh API response was missing access token " + names.accessToken());
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(response, previous, now);
        String rotated = null;
        if (names.rotatedRefreshToken() != null) {
            JsonNode value = TokenResponses.find(response, names.rotatedRefreshToken());
            rotated = value == null ? null : PythonText.str(value);
        }
        // Obtained, not configured: masked from here on, as an API refusing a token may quote it.
        secrets.add(accessToken);
        if (rotated != null) {
            secrets.add(rotated);
        }
        TokenState state = store.save(accessToken, expiresAt, rotated, now);
        log.info("Refreshed the OAuth access token; it expires at {}", expiresAt);
        return state;
    }

    /** The reference's rule: the response's expiry, else the current one while valid, else an hour from now. */
    private Instant expiry(JsonNode response, TokenState previous, Instant now) {
        JsonNode expiresIn = TokenResponses.find(response, names.expiresIn());
        if (expiresIn != null) {
            return parseExpiry(PythonText.str(expiresIn), now);
        }
        if (!previous.accessToken().isEmpty() && !previous.hasExpired(now)) {
            return previous.expiresAt();
        }
        return now.plus(DEFAULT_LIFETIME);
    }

    /** Seconds from now, or — with {@code token_expiry_date_format} — a date in that format (or ISO-8601). */
    private Instant parseExpiry(String value, Instant now) {
        if (names.expiryFormat() != null) {
            return DatetimeFormat.tryParse(value, names.expiryFormat())
                    .orElseGet(() -> IsoDateTimes.parse(value)).toInstant();
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (Double.isFinite(seconds)) {
                return now.plusSeconds((long) seconds);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "Invalid expires_in value: " + value
                + ". Expected number of seconds when no format specified.");
    }
}
