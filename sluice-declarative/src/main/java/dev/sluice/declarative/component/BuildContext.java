package dev.sluice.declarative.component;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.SpecLocation;
import dev.sluice.declarative.manifest.SpecLocations;
import dev.sluice.http.HttpTransport;
import dev.sluice.http.Sleeper;
import dev.sluice.loader.CustomCode;
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
 * configured catalog, where the manifest declared each spec (named by runtime errors), and whether and from which
 * class loader the manifest's custom components are loaded. Anything specific to one stream is passed to {@code build} explicitly, never through here.
 */
public record BuildContext(Config config, RunContext run, Clock clock, Sleeper sleeper,
        @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates, SpecLocations locations,
        CustomCode customCode) {

    private static final ObjectNode NO_PARAMETERS = Json.object();

    /** Components built without a source loader run no custom code: nothing said where it may come from. */
    private static final String NO_LOADER = "This manifest was not loaded through a SourceLoader or ManifestSources, "
            + "which decide whether its custom components may run; load it through one of them.";

    public BuildContext {
        requireNonNull(config, "config is null");
        requireNonNull(run, "run is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(configUpdates, "configUpdates is null");
        requireNonNull(locations, "locations is null");
        requireNonNull(customCode, "customCode is null");
    }

    /** A context that runs no custom components. */
    public BuildContext(Config config, RunContext run, Clock clock, Sleeper sleeper,
            @Nullable ConfiguredAirbyteCatalog catalog, ConfigUpdates configUpdates, SpecLocations locations) {
        this(config, run, clock, sleeper, catalog, configUpdates, locations,
                CustomCode.refused(BuildContext.class.getClassLoader(), NO_LOADER));
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
        return new BuildContext(config, run, clock, sleeper, newCatalog, configUpdates, locations, customCode);
    }

    public BuildContext withConfigUpdates(ConfigUpdates updates) {
        return new BuildContext(config, run, clock, sleeper, catalog, updates, locations, customCode);
    }

    public BuildContext withConfig(Config newConfig) {
        return new BuildContext(newConfig, run, clock, sleeper, catalog, configUpdates, locations, customCode);
    }

    /** The same context, knowing where the manifest declared each spec record. */
    public BuildContext withLocations(SpecLocations newLocations) {
        return new BuildContext(config, run, clock, sleeper, catalog, configUpdates, newLocations, customCode);
    }

    /**
     * The same context, loading custom components as {@code code} says (the class loader of the source, and
     * whether the manifest may run them).
     */
    public BuildContext withCustomCode(CustomCode code) {
        return new BuildContext(config, run, clock, sleeper, catalog, configUpdates, locations, code);
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
