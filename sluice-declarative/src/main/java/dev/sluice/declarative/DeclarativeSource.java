package dev.sluice.declarative;

import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.manifest.SpecLocations;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A source defined by a manifest: its spec, check and streams, built per command from the typed spec records.
 * Its components live in the run the command executes in (their HTTP transport, obtained secrets, live config
 * and threads are the run's), so it has streams only in a run: {@link #streams(Config, RunContext)}.
 */
public final class DeclarativeSource implements Source {

    private final DeclarativeSourceSpec manifest;
    private final BiFunction<Config, RunContext, BuildContext> contexts;
    private final SpecLocations locations;

    /**
     * @param locations where the manifest declared each of its spec records; runtime errors of the components
     *     built from them name that place
     */
    public DeclarativeSource(DeclarativeSourceSpec manifest, BiFunction<Config, RunContext, BuildContext> contexts,
            SpecLocations locations) {
        this.manifest = manifest;
        this.contexts = contexts;
        this.locations = locations;
    }

    public DeclarativeSource(DeclarativeSourceSpec manifest, BiFunction<Config, RunContext, BuildContext> contexts) {
        this(manifest, contexts, SpecLocations.NONE);
    }

    public DeclarativeSource(DeclarativeSourceSpec manifest) {
        this(manifest, BuildContext::of);
    }

    /** The same source, reporting config changes (rotated OAuth tokens) to {@code updates}. */
    public DeclarativeSource withConfigUpdates(ConfigUpdates updates) {
        return new DeclarativeSource(manifest, (config, run) -> contexts.apply(config, run).withConfigUpdates(updates),
                locations);
    }

    /** The same manifest and locations, built with the services of {@code newContexts} (tests inject fakes). */
    public DeclarativeSource withContexts(BiFunction<Config, RunContext, BuildContext> newContexts) {
        return new DeclarativeSource(manifest, newContexts, locations);
    }

    private BuildContext context(Config config, RunContext run) {
        return contexts.apply(config, run).withLocations(locations);
    }

    public DeclarativeSourceSpec manifest() {
        return manifest;
    }

    @Override
    public ConnectorSpecification spec() {
        if (manifest.spec() == null) {
            // The reference then needs a spec file beside the manifest; Sluice accepts any config.
            return ConnectorSpecification.of(null, Json.object().put("type", "object"));
        }
        return manifest.spec().toSpecification();
    }

    /** Refused: a declarative source's streams belong to a run ({@link #streams(Config, RunContext)}). */
    @Override
    public List<Stream> streams(Config config) {
        throw outsideRun();
    }

    /** Refused: a declarative source's streams belong to a run. */
    @Override
    public List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog) {
        throw outsideRun();
    }

    @Override
    public List<Stream> streams(Config config, RunContext run) {
        return build(context(config, run));
    }

    @Override
    public List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog, RunContext run) {
        return build(context(config, run).withCatalog(catalog));
    }

    private static ConnectorException outsideRun() {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "A declarative source builds its streams in a run: "
                + "call streams(config, run) with the RunContext of the command");
    }

    private List<Stream> build(BuildContext context) {
        int concurrency = manifest.concurrencyLevel() == null ? ConcurrencyLevelSpec.DEFAULT
                : manifest.concurrencyLevel().level(context);
        List<StreamSpec> specs = new ArrayList<>(manifest.streams());
        if (manifest.dynamicStreams() != null && manifest.dynamicStreams().isArray()) {
            // Generated per config, after the static streams, as the reference lists them.
            specs.addAll(DynamicStreams.resolve(manifest.dynamicStreams(), context));
        }
        List<Stream> streams = new ArrayList<>();
        for (StreamSpec spec : specs) {
            streams.add(spec.build(context).withConcurrency(concurrency));
        }
        return streams;
    }

    /** The manifest's {@code check}, over the streams built for this config in this run. */
    @Override
    public ConnectionStatus check(Config config, RunContext run) {
        BuildContext context = context(config, run);
        return manifest.check().build(context).check(build(context), run);
    }
}
