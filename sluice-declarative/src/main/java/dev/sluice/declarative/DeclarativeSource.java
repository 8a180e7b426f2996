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
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A source defined by a manifest: its spec, check and streams, built per command from the typed spec records. */
public final class DeclarativeSource implements Source {

    private final DeclarativeSourceSpec manifest;
    private final Function<Config, BuildContext> contexts;
    private final SpecLocations locations;

    /**
     * @param locations where the manifest declared each of its spec records; runtime errors of the components
     *     built from them name that place
     */
    public DeclarativeSource(DeclarativeSourceSpec manifest, Function<Config, BuildContext> contexts,
            SpecLocations locations) {
        this.manifest = manifest;
        this.contexts = contexts;
        this.locations = locations;
    }

    public DeclarativeSource(DeclarativeSourceSpec manifest, Function<Config, BuildContext> contexts) {
        this(manifest, contexts, SpecLocations.NONE);
    }

    public DeclarativeSource(DeclarativeSourceSpec manifest) {
        this(manifest, BuildContext::of);
    }

    /** The same source, reporting config changes (rotated OAuth tokens) to {@code updates}. */
    public DeclarativeSource withConfigUpdates(ConfigUpdates updates) {
        return new DeclarativeSource(manifest, config -> contexts.apply(config).withConfigUpdates(updates),
                locations);
    }

    /** The same manifest and locations, built with the services of {@code newContexts} (tests inject fakes). */
    public DeclarativeSource withContexts(Function<Config, BuildContext> newContexts) {
        return new DeclarativeSource(manifest, newContexts, locations);
    }

    private BuildContext context(Config config) {
        return contexts.apply(config).withLocations(locations);
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

    @Override
    public List<Stream> streams(Config config) {
        return build(context(config));
    }

    @Override
    public List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog) {
        return build(context(config).withCatalog(catalog));
    }

    private List<Stream> build(BuildContext context) {
        if (manifest.dynamicStreams() != null && !manifest.dynamicStreams().isEmpty()) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "dynamic_streams: unsupported component DynamicDeclarativeStream");
        }
        int concurrency = manifest.concurrencyLevel() == null ? ConcurrencyLevelSpec.DEFAULT
                : manifest.concurrencyLevel().level(context);
        List<Stream> streams = new ArrayList<>();
        for (StreamSpec spec : manifest.streams()) {
            streams.add(spec.build(context).withConcurrency(concurrency));
        }
        return streams;
    }

    /** The manifest's {@code check}, over the streams built for this config. */
    @Override
    public ConnectionStatus check(Config config) {
        BuildContext context = context(config);
        return manifest.check().build(context).check(build(context));
    }
}
