package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.declarative.manifest.SpecLocations;
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
 * configured catalog, and where the manifest declared each spec (named by runtime errors). Anything specific to one stream is passed to {@code build} explicitly, never through here.
 */
public record BuildContext(Config config, RunContext run, Clock clock, Sleeper sleeper,
        @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates, SpecLocations locations) {

    private static final ObjectNode NO_PARAMETERS = Json.object();

    public BuildContext {
        requireNonNull(config, "config is null");
        requireNonNull(run, "run is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(configUpdates, "configUpdates is null");
        requireNonNull(locations, "locations is null");
    }

    /** A context whose specs were not bound from a manifest file (their errors name no manifest location). */
    public BuildContext(Config config, RunContext run, Clock clock, Sleeper sleeper,
            @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates) {
        this(config, run, clock, sleeper, catalog, configUpdates, SpecLocations.NONE);
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
        return new BuildContext(config, run, clock, sleeper, newCatalog, configUpdates, locations);
    }

    public BuildContext withConfigUpdates(ConfigUpdates updates) {
        return new BuildContext(config, run, clock, sleeper, catalog, updates, locations);
    }

    public BuildContext withConfig(Config newConfig) {
        return new BuildContext(newConfig, run, clock, sleeper, catalog, configUpdates, locations);
    }

    /** The same context, knowing where the manifest declared each spec record. */
    public BuildContext withLocations(SpecLocations newLocations) {
        return new BuildContext(config, run, clock, sleeper, catalog, configUpdates, newLocations);
    }

    /** Where {@code spec} was declared in the manifest ({@link SpecLocation#UNKNOWN} when not known). */
    public SpecLocation location(@Nullable Object spec) {
        return spec == null ? SpecLocation.UNKNOWN : locations.of(spec);
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
