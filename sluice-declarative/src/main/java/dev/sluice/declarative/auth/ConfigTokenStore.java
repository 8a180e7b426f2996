package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.datetime.IsoDateTimes;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code refresh_token_updater}: the access token, refresh token and expiry live in the config at their config
 * paths. Every refresh writes them back — into the config every stream shares ({@link LiveConfig}) and, through
 * {@link ConfigUpdates}, to the platform (the CLI's CONTROL message) — because a single-use refresh token is
 * spent once it has been used. The expiry is written as the reference writes it
 * ({@code 2024-01-01T00:00:00.123456+00:00}); a missing or unreadable expiry counts as expired.
 */
final class ConfigTokenStore implements TokenStore {

    /** The config paths of the three values. */
    record Paths(List<String> accessToken, List<String> refreshToken, List<String> expiryDate) {
        Paths {
            accessToken = List.copyOf(accessToken);
            refreshToken = List.copyOf(refreshToken);
            expiryDate = List.copyOf(expiryDate);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConfigTokenStore.class);

    private final LiveConfig live;
    private final Paths paths;
    private final ConfigUpdates updates;

    ConfigTokenStore(LiveConfig live, Paths paths, ConfigUpdates updates) {
        this.live = live;
        this.paths = paths;
        this.updates = updates;
    }

    @Override
    public TokenState current(Instant now) {
        TokenState cached = live.tokens();
        if (cached != null) {
            return cached;
        }
        ObjectNode config = live.current();
        JsonNode token = ConfigPaths.get(config, paths.accessToken());
        TokenState read = TokenState.of(token == null ? "" : PythonText.str(token), expiry(config, now), now);
        live.cacheTokens(read);
        return read;
    }

    private Instant expiry(ObjectNode config, Instant now) {
        JsonNode value = ConfigPaths.get(config, paths.expiryDate());
        String text = value == null ? "" : PythonText.str(value);
        if (!text.isEmpty()) {
            try {
                return IsoDateTimes.parse(text).toInstant();
            } catch (ConnectorException unreadable) {
                log.warn("The token expiry date at {} cannot be read ({}); the access token is refreshed",
                        ConfigPaths.describe(paths.expiryDate()), unreadable.getMessage());
            }
        }
        return now.minus(Duration.ofDays(1));
    }

    @Override
    public @Nullable String refreshToken() {
        JsonNode token = ConfigPaths.get(live.current(), paths.refreshToken());
        return token == null ? "" : PythonText.str(token);
    }

    @Override
    public TokenState save(String accessToken, Instant expiresAt, @Nullable String rotatedRefreshToken, Instant now) {
        ObjectNode config = ConfigPaths.with(live.current(), paths.accessToken(), Json.nodes().textNode(accessToken));
        if (rotatedRefreshToken != null) {
            config = ConfigPaths.with(config, paths.refreshToken(), Json.nodes().textNode(rotatedRefreshToken));
        }
        String expiry = PythonDateTime.ofInstant(expiresAt.truncatedTo(ChronoUnit.MICROS)).isoformat("T", "auto");
        config = ConfigPaths.with(config, paths.expiryDate(), Json.nodes().textNode(expiry));
        TokenState state = TokenState.of(accessToken, expiresAt, now);
        live.update(config, state);
        updates.configUpdated(config.deepCopy());
        return state;
    }

    @Override
    public void markStale() {
        TokenState cached = live.tokens();
        live.cacheTokens(cached == null ? TokenState.none() : cached.stale());
    }

    @Override
    public ReentrantLock refreshLock() {
        return live.refreshLock();
    }
}
