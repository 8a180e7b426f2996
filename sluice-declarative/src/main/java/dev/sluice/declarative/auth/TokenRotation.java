package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.http.Authenticator;
import dev.sluice.http.DefaultErrorMapping;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.ExchangeObserver;
import dev.sluice.http.HttpExecutor;
import dev.sluice.http.HttpRequest;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.http.RetryPolicy;
import dev.sluice.http.Sleeper;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The runtime {@code RateLimitedMultipleTokenAuthenticator} (reference: {@code auth/rate_limited_multiple_token.py}).
 * Counters are seeded per token from the quota status endpoint on first use and again after an exhaustion wait;
 * every signed request takes one call from its pool on the active token, rotating when that token is spent; when
 * every token is spent it waits for the earliest reset (floor 5 s, bounded in total by {@code max_wait_time}, else
 * a transient error); once every token is below its reserve ({@code max(min_reserve, fraction * limit)}) each
 * request waits {@code seconds_to_reset / calls_left} (at most 10 s). Responses correct a pool naming headers.
 * Thread-safe: one lock guards the counters; waits and status requests never hold it.
 */
final class TokenRotation implements Authenticator, ExchangeObserver {

    /** The reference's MIN_EXHAUSTION_WAIT: stale reset times cannot make a refresh busy-loop. */
    private static final Duration MIN_EXHAUSTION_WAIT = Duration.ofSeconds(5);
    /** The reference's MAX_BUDGET_DELAY. */
    private static final double MAX_BUDGET_DELAY_SECONDS = 10.0;
    /** The reference's RESET_SKEW_TOLERANCE. */
    private static final Duration RESET_SKEW_TOLERANCE = Duration.ofSeconds(60);

    record Settings(String authMethod, String header, Duration maxWait, double reserveFraction, int minReserve) {
    }

    /** One pool of one token. Guarded by the rotation's lock. */
    private static final class PoolState {
        long remaining;
        Instant resetAt;
        long limit;
        final boolean tracked;

        PoolState(long remaining, Instant resetAt, long limit, boolean tracked) {
            this.remaining = remaining;
            this.resetAt = resetAt;
            this.limit = limit;
            this.tracked = tracked;
        }
    }

    private final List<String> tokens;
    private final List<QuotaPool> pools;
    private final QuotaStatusEndpoint status;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BuildContext context;
    private final Object lock = new Object();
    private final Object refreshLock = new Object();
    private Map<String, Map<String, PoolState>> states = Map.of();
    private volatile boolean initialized;
    private int active;

    TokenRotation(List<String> tokens, List<QuotaPool> pools, QuotaStatusEndpoint status, Settings settings,
            BuildContext context) {
        this.tokens = List.copyOf(tokens);
        this.pools = List.copyOf(pools);
        this.status = status;
        this.settings = settings;
        this.clock = context.clock();
        this.sleeper = context.sleeper();
        this.context = context;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        ensureSeeded();
        return sign(request, acquire(poolOf(request)));
    }

    @Override
    public ExchangeObserver responses() {
        return this;
    }

    private HttpRequest sign(HttpRequest request, String token) {
        return request.withHeader(settings.header(), (settings.authMethod() + " " + token).strip());
    }

    /** The first pool one of whose matchers matches, else the first pool without matchers, else the first pool. */
    private QuotaPool poolOf(HttpRequest request) {
        QuotaPool fallback = null;
        for (QuotaPool pool : pools) {
            if (!pool.matchers().isEmpty()) {
                if (pool.matches(request)) {
                    return pool;
                }
            } else if (fallback == null) {
                fallback = pool;
            }
        }
        return fallback != null ? fallback : pools.get(0);
    }

    private String acquire(QuotaPool pool) {
        Instant deadline = null;
        while (true) {
            Duration throttle = null;
            Duration waitForReset = null;
            String token;
            synchronized (lock) {
                token = tokens.get(active);
                PoolState state = states.get(token).get(pool.name());
                if (!state.tracked) {
                    // No counters: spread the load round-robin (reference: _acquire_call).
                    active = (active + 1) % tokens.size();
                    return token;
                }
                if (state.remaining > 0) {
                    state.remaining--;
                    throttle = budgetDelay(pool);
                } else if (everyTokenSpent(pool)) {
                    Instant now = clock.instant();
                    if (deadline == null) {
                        deadline = now.plus(settings.maxWait());
                    }
                    Duration left = Duration.between(now, deadline);
                    Duration untilReset = tokens.stream()
                            .map(each -> Duration.between(now, states.get(each).get(pool.name()).resetAt))
                            .min(Duration::compareTo).orElseThrow();
                    if (left.isNegative() || left.isZero() || untilReset.compareTo(left) >= 0) {
                        throw new ConnectorException(FailureType.TRANSIENT_ERROR,
                                "Rate limit is exceeded for all provided tokens.",
                                "Rate limits for all tokens (quota: " + pool.name() + ") were reached and the next "
                                        + "reset (in " + untilReset + ") exceeds max_wait_time " + settings.maxWait(),
                                null);
                    }
                    waitForReset = min(max(untilReset, MIN_EXHAUSTION_WAIT), left);
                } else {
                    active = (active + 1) % tokens.size();
                    continue;
                }
            }
            if (waitForReset != null) {
                pause(waitForReset);
                refreshAfterExhaustion(pool);
                continue;
            }
            if (throttle != null && throttle.toMillis() >= 100) {
                pause(throttle);
            }
            return token;
        }
    }

    private boolean everyTokenSpent(QuotaPool pool) {
        return tokens.stream().map(token -> states.get(token).get(pool.name()))
                .allMatch(state -> state.remaining <= 0 && state.tracked);
    }

    /** Called holding the lock (reference: _compute_budget_delay). */
    private @Nullable Duration budgetDelay(QuotaPool pool) {
        List<PoolState> all = tokens.stream().map(token -> states.get(token).get(pool.name())).toList();
        if (all.stream().anyMatch(state -> !state.tracked)
                || !all.stream().allMatch(state -> state.remaining <= reserve(state))) {
            return null;
        }
        PoolState current = states.get(tokens.get(active)).get(pool.name());
        double secondsToReset = Math.max(Duration.between(clock.instant(), current.resetAt).toMillis() / 1000.0, 0);
        long callsLeft = all.stream().mapToLong(state -> Math.max(state.remaining, 0)).sum();
        if (callsLeft <= 0 || secondsToReset <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (Math.min(secondsToReset / callsLeft, MAX_BUDGET_DELAY_SECONDS) * 1000));
    }

    private double reserve(PoolState state) {
        return Math.max(settings.minReserve(), state.limit * settings.reserveFraction());
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "Interrupted while waiting for a rate limit "
                    + "reset", e);
        }
    }

    private void ensureSeeded() {
        if (initialized) {
            return;
        }
        synchronized (refreshLock) {
            if (!initialized) {
                seedAll();
                initialized = true;
            }
        }
    }

    /** Only one thread re-seeds; the others find the counters refreshed. */
    private void refreshAfterExhaustion(QuotaPool pool) {
        synchronized (refreshLock) {
            boolean stillSpent;
            synchronized (lock) {
                stillSpent = everyTokenSpent(pool);
            }
            if (stillSpent) {
                seedAll();
            }
        }
    }

    /** Replaces every counter by the server's numbers (local decrements since are dropped, as the reference does). */
    private void seedAll() {
        Map<String, Map<String, PoolState>> fresh = new HashMap<>();
        for (String token : tokens) {
            fresh.put(token, fetch(token));
        }
        synchronized (lock) {
            states = fresh;
        }
    }

    private Map<String, PoolState> fetch(String token) {
        HttpRequest request = new HttpRequest(status.method(), URI.create(status.url()), status.headers(),
                "POST".equals(status.method()) ? new byte[0] : null);
        HttpExecutor executor = new HttpExecutor(context.transport(), response ->
                status.unavailableStatuses().contains(response.status())
                        ? ErrorResolution.of(ResponseAction.IGNORE, FailureType.TRANSIENT_ERROR, "quota untracked")
                        : DefaultErrorMapping.INSTANCE.classify(response),
                RetryPolicy.DEFAULT, req -> sign(req, token), sleeper, clock).inRun(context.run());
        Optional<HttpResponse> answered = executor.send(request);
        Map<String, PoolState> byPool = new LinkedHashMap<>();
        if (answered.isEmpty() || status.unavailableStatuses().contains(answered.get().status())) {
            Instant now = clock.instant();
            pools.forEach(pool -> byPool.put(pool.name(), new PoolState(0, now, 0, false)));
            return byPool;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(answered.get().body());
        } catch (IOException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The quota status response is not JSON", e);
        }
        for (QuotaPool pool : pools) {
            long remaining = asLong(at(body, pool.remainingPath(), pool.name(), "remaining"), pool, "remaining");
            Instant reset = resetTime(at(body, pool.resetPath(), pool.name(), "reset"));
            if (reset == null) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "The quota status response holds no "
                        + "readable reset time at " + pool.resetPath() + " for token quota \"" + pool.name() + "\"");
            }
            long limit = pool.limitPath() == null ? remaining
                    : asLong(at(body, pool.limitPath(), pool.name(), "limit"), pool, "limit");
            byPool.put(pool.name(), new PoolState(remaining, reset, limit, true));
        }
        return byPool;
    }

    /** A configured path missing from an answered status response is a wrong path: a system error. */
    private static JsonNode at(JsonNode body, List<String> path, String pool, String what) {
        JsonNode value = body;
        for (String key : path) {
            if (value == null || !value.isObject() || !value.has(key)) {
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "Quota status response does not contain "
                        + "the configured " + what + " path " + path + " for token quota \"" + pool + "\".");
            }
            value = value.get(key);
        }
        return value;
    }

    private static long asLong(JsonNode value, QuotaPool pool, String what) {
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().strip());
        } catch (NumberFormatException e) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The quota status " + what + " of token quota \""
                    + pool.name() + "\" is not a number: " + value, e);
        }
    }

    /** Epoch seconds (number or digits) or ISO 8601, as the reference's ab_datetime_parse reads it; null if neither. */
    static @Nullable Instant resetTime(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli((long) (value.asDouble() * 1000));
        }
        return resetTime(value.asText());
    }

    static @Nullable Instant resetTime(String text) {
        String value = text.strip();
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
        }
        try {
            return OffsetDateTime.parse(value.replace(" ", "T").replace("Z", "+00:00")).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value.replace(" ", "T")).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** Corrects the pool of the token that signed the request (reference: update_from_response). */
    @Override
    public void onResponse(HttpRequest request, HttpResponse response) {
        QuotaPool pool = poolOf(request);
        if (!pool.readsResponses()) {
            return;
        }
        String token = signer(request);
        if (token == null) {
            return;
        }
        Long remaining = pool.remainingHeader() == null ? null
                : response.header(pool.remainingHeader()).map(TokenRotation::parseLong).orElse(null);
        boolean exhausted = pool.exhaustionStatuses().contains(response.status());
        if (remaining == null && exhausted) {
            remaining = 0L;
        }
        Instant resetAt = pool.resetHeader() == null ? null
                : response.header(pool.resetHeader()).map(TokenRotation::resetTime).orElse(null);
        Long limit = pool.limitHeader() == null ? null
                : response.header(pool.limitHeader()).map(TokenRotation::parseLong).orElse(null);
        if (remaining == null && resetAt == null && limit == null) {
            return;
        }
        synchronized (lock) {
            Map<String, PoolState> ofToken = states.get(token);
            PoolState state = ofToken == null ? null : ofToken.get(pool.name());
            if (state == null || !state.tracked) {
                return;
            }
            if (limit != null && limit > 0 && (resetAt == null || !resetAt.isBefore(state.resetAt))) {
                state.limit = limit;
            }
            if (resetAt != null && resetAt.isAfter(state.resetAt)) {
                // A new window: its remaining count, else the full limit.
                state.resetAt = resetAt;
                state.remaining = remaining != null ? remaining : state.limit;
            } else if (remaining != null && (remaining <= 0 && exhausted || resetAt == null
                    || !resetAt.isBefore(state.resetAt.minus(RESET_SKEW_TOLERANCE)))) {
                state.remaining = Math.min(state.remaining, remaining);
            }
        }
    }

    private @Nullable String signer(HttpRequest request) {
        String value = request.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(settings.header()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String token = value;
        if (!settings.authMethod().isEmpty()) {
            String prefix = settings.authMethod() + " ";
            if (!value.startsWith(prefix)) {
                return null;
            }
            token = value.substring(prefix.length()).strip();
        }
        return tokens.contains(token) ? token : null;
    }

    private static @Nullable Long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
