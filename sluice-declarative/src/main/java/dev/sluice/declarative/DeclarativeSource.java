package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConnectionStatus;
import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.Availability;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
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

    public DeclarativeSource(DeclarativeSourceSpec manifest, BiFunction<Config, RunContext, BuildContext> contexts) {
        this.manifest = manifest;
        this.contexts = contexts;
    }

    public DeclarativeSource(DeclarativeSourceSpec manifest) {
        this(manifest, BuildContext::of);
    }

    /** The same source, reporting config changes (rotated OAuth tokens) to {@code updates}. */
    public DeclarativeSource withConfigUpdates(ConfigUpdates updates) {
        return new DeclarativeSource(manifest, (config, run) -> contexts.apply(config, run).withConfigUpdates(updates));
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
        return build(contexts.apply(config, run));
    }

    @Override
    public List<Stream> streams(Config config, ConfiguredAirbyteCatalog catalog, RunContext run) {
        return build(contexts.apply(config, run).withCatalog(catalog));
    }

    private static ConnectorException outsideRun() {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "A declarative source builds its streams in a run: "
                + "call streams(config, run) with the RunContext of the command");
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

    /** {@code CheckStream}: each named stream must read its first record (or have none). */
    @Override
    public ConnectionStatus check(Config config, RunContext run) {
        CheckStreamSpec check = (CheckStreamSpec) manifest.check();
        Map<String, Stream> streams = new LinkedHashMap<>();
        streams(config, run).forEach(stream -> streams.put(stream.name(), stream));
        for (String name : checkedStreams(check, config)) {
            Stream stream = streams.get(name);
            if (stream == null) {
                throw new ConfigException("check: the stream '" + name + "' is not in the manifest (streams: "
                        + String.join(", ", streams.keySet()) + ")");
            }
            try {
                Availability.firstRecord(stream, run);
            } catch (ConnectorException e) {
                if (e.failureType() == FailureType.CONFIG_ERROR) {
                    return ConnectionStatus.failed("Stream " + name + " is not available: " + e.userMessage());
                }
                throw e;
            }
        }
        return ConnectionStatus.succeeded();
    }

    private static List<String> checkedStreams(CheckStreamSpec check, Config config) {
        JsonNode override = config.json().get("__airbyte_check_stream_names");
        if (override != null && override.isArray() && !override.isEmpty()) {
            List<String> names = new ArrayList<>();
            override.forEach(node -> names.add(node.asText()));
            return names;
        }
        return check.streamNames();
    }
}
