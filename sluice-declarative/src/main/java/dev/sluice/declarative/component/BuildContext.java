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
import dev.sluice.source.RunContext;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shared services a spec record builds its runtime component with: the user's config, the run the source
 * executes in (its HTTP transport, the secrets it obtains, its threads and other per-run services), the clock
 * and sleeper (injected by tests), where config changes go (rotated OAuth tokens), and — for {@code read} — the
 * configured catalog. Anything specific to one stream is passed to {@code build} explicitly, never through here.
 */
public record BuildContext(Config config, RunContext run, Clock clock, Sleeper sleeper,
        @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates) {

    private static final ObjectNode NO_PARAMETERS = Json.object();

    public BuildContext {
        requireNonNull(config, "config is null");
        requireNonNull(run, "run is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(configUpdates, "configUpdates is null");
    }

    /** Defaults for production: the run's transport, the system clock, real sleeping. */
    public static BuildContext of(Config config, RunContext run) {
        return new BuildContext(config, run, Clock.systemUTC(), Sleeper.SYSTEM, null, ConfigUpdates.NONE);
    }

    /** The run's HTTP transport (one connection pool per run). */
    public HttpTransport transport() {
        return run.service(HttpTransport.SERVICE);
    }

    public BuildContext withCatalog(@Nullable ConfiguredAirbyteCatalog newCatalog) {
        return new BuildContext(config, run, clock, sleeper, newCatalog, configUpdates);
    }

    public BuildContext withConfigUpdates(ConfigUpdates updates) {
        return new BuildContext(config, run, clock, sleeper, catalog, updates);
    }

    public BuildContext withConfig(Config newConfig) {
        return new BuildContext(newConfig, run, clock, sleeper, catalog, configUpdates);
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
