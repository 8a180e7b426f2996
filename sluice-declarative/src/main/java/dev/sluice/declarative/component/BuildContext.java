package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.Sleeper;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shared services a spec record builds its runtime component with: the user's config, the HTTP transport
 * (one connection pool per source), the clock and sleeper (injected by tests), where config changes go
 * (rotated OAuth tokens), and — for {@code read} — the configured catalog. Anything specific to one stream is passed to {@code build} explicitly, never through here.
 */
public record BuildContext(Config config, HttpTransport transport, Clock clock, Sleeper sleeper,
        @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates) {

    private static final ObjectNode NO_PARAMETERS = Json.object();

    public BuildContext {
        requireNonNull(config, "config is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(configUpdates, "configUpdates is null");
    }

    /** Defaults for production: the shared transport, the system clock, real sleeping. */
    public static BuildContext of(Config config) {
        return new BuildContext(config, HttpTransport.shared(), Clock.systemUTC(), Sleeper.SYSTEM, null,
                ConfigUpdates.NONE);
    }

    public BuildContext withCatalog(@Nullable ConfiguredAirbyteCatalog newCatalog) {
        return new BuildContext(config, transport, clock, sleeper, newCatalog, configUpdates);
    }

    public BuildContext withConfigUpdates(ConfigUpdates updates) {
        return new BuildContext(config, transport, clock, sleeper, catalog, updates);
    }

    public BuildContext withConfig(Config newConfig) {
        return new BuildContext(newConfig, transport, clock, sleeper, catalog, configUpdates);
    }

    /** The base interpolation context: {@code config}, and this context's clock for the date macros. */
    public InterpolationContext interpolation() {
        return InterpolationContext.of(config.json()).withClock(clock);
    }

    /** A component's {@code $parameters}, or an empty mapping. */
    public static JsonNode parameters(@Nullable ObjectNode parameters) {
        return parameters == null ? NO_PARAMETERS : parameters;
    }

    public Optional<ConfiguredAirbyteCatalog> configuredCatalog() {
        return Optional.ofNullable(catalog);
    }
}
