package dev.sluice.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.budget.HttpApiBudgetSpec;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.config.ConfigNormalization;
import dev.sluice.declarative.manifest.SpecLocations;
import dev.sluice.http.SourceBudget;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigUpdateListener;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The same source, reporting config changes (rotated OAuth tokens, migrations) to {@code listener}. */
    @Override
    public DeclarativeSource withConfigUpdates(ConfigUpdateListener listener) {
        ConfigUpdates updates = new ConfigUpdates() {
            @Override
            public void configUpdated(ObjectNode newConfig) {
                listener.configUpdated(newConfig);
            }

            @Override
            public void configMigrated(ObjectNode migratedConfig) {
                listener.configMigrated(migratedConfig);
            }
        };
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

    /**
     * Applies the manifest's {@code config_normalization_rules}, as the reference's source does when it is built
     * with a config: the migrations, reporting a config they changed to the {@link ConfigUpdates} (the CLI emits
     * it as a CONTROL message and rewrites its {@code --config} file); then the transformations, in memory. An
     * empty config is left alone, as in the reference. The result is remembered in the run, so configuring it
     * again — or giving it to {@link #streams(Config, RunContext)} and {@link #check} — changes nothing.
     */
    @Override
    public Config configure(Config config, RunContext run) {
        ConfiguredConfigs configured = run.service(ConfiguredConfigs.SERVICE);
        if (configured.contains(config) || manifest.spec() == null || config.json().isEmpty()) {
            return config;
        }
        BuildContext context = context(config, run);
        ConfigNormalization rules = manifest.spec().normalization(context);
        Config migrated = rules.migrate(config);
        if (!migrated.equals(config)) {
            context.configUpdates().configMigrated(migrated.json().deepCopy());
        }
        return configured.add(rules.transform(migrated));
    }

    @Override
    public List<Stream> streams(Config config, RunContext run) {
        return build(validated(config, run));
    }

    @Override
    public List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog, RunContext run) {
        return build(validated(config, run).withCatalog(catalog));
    }

    /**
     * The context of the configured config, after the manifest's validations passed on it (the reference validates
     * whenever it builds its streams), with the manifest's {@code api_budget} installed in the run.
     */
    private BuildContext validated(Config config, RunContext run) {
        BuildContext context = context(configure(config, run), run);
        if (manifest.spec() != null) {
            manifest.spec().normalization(context).validate(context.config());
        }
        // Before any component builds an executor: every request of the run shares the first budget installed.
        HttpApiBudgetSpec budget = manifest.apiBudget();
        if (budget != null) {
            SourceBudget slot = run.service(SourceBudget.SERVICE);
            slot.install(() -> budget.build(context, slot.share()));
        }
        return context;
    }

    private static ConnectorException outsideRun() {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "A declarative source builds its streams in a run: "
                + "call streams(config, run) with the RunContext of the command");
    }

    private List<Stream> build(BuildContext context) {
        return build(context, DynamicStreams.generate(manifest.dynamicStreams(), context));
    }

    private List<Stream> build(BuildContext context, List<GeneratedStream> generated) {
        AsyncJobLimit.apply(manifest.maxConcurrentAsyncJobCount(), context);
        int concurrency = manifest.concurrencyLevel() == null ? ConcurrencyLevelSpec.DEFAULT
                : manifest.concurrencyLevel().level(context);
        List<StreamSpec> specs = new ArrayList<>();
        for (SourceStreamSpec declared : manifest.streams()) {
            specs.addAll(declared.selected(context));
        }
        // Generated per config, after the static streams, as the reference lists them.
        generated.forEach(stream -> specs.add(stream.spec()));
        List<Stream> streams = new ArrayList<>();
        for (StreamSpec spec : specs) {
            streams.add(spec.build(context).withConcurrency(concurrency)
                    .withExclusiveGroups(manifest.exclusiveGroupsOf(spec)));
        }
        return streams;
    }

    /**
     * The streams the manifest's {@code dynamic_streams} generate for {@code config} in {@code run}, each with its
     * resolved manifest as the reference lists it (what the Connector Builder's {@code full_resolve_manifest} adds
     * to the manifest's streams). Resolving may read the API ({@code HttpComponentsResolver}).
     */
    public List<GeneratedStream> dynamicStreams(Config config, RunContext run) {
        return DynamicStreams.generate(manifest.dynamicStreams(), validated(config, run));
    }

    /**
     * The manifest's {@code check}, over the streams built for this config in this run — with the check's
     * {@code config_overrides} laid over the configured and validated config.
     */
    @Override
    public ConnectionStatus check(Config config, RunContext run) {
        BuildContext validated = validated(config, run);
        Config checked = CheckOverrides.apply(manifest.check().configOverrides(), validated.config(), manifest, run);
        BuildContext context = checked == validated.config() ? validated : validated.withConfig(checked);
        List<GeneratedStream> generated = DynamicStreams.generate(manifest.dynamicStreams(), context);
        Map<String, List<String>> byDefinition = new LinkedHashMap<>();
        for (int i = 0; i < manifest.dynamicStreams().size(); i++) {
            byDefinition.putIfAbsent(manifest.dynamicStreams().get(i).dynamicStreamName(i), new ArrayList<>());
        }
        generated.forEach(stream -> byDefinition.get(stream.dynamicStreamName()).add(stream.streamName()));
        CheckedStreams checkedStreams = new CheckedStreams(build(context, generated), byDefinition);
        return manifest.check().build(context).check(checkedStreams, run);
    }
}
