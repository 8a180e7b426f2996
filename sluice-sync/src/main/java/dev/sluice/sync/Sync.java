package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.protocol.SyncMode;
import dev.sluice.runner.ConfigValidator;
import dev.sluice.runner.Secrets;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a source in-process and loads the selected streams into a database, one table per stream:
 * <pre>{@code
 * SyncResult result = new Sync(new DemoSource(), DestinationUrl.parse("./sluice.duckdb"), Clock.systemUTC())
 *         .run(config, SyncOptions.defaults(), SyncListener.NONE);
 * }</pre>
 * A stream with a cursor is read incrementally from the state committed by the previous sync (deduplicated by
 * its primary key when it has one, else appended); any other stream is reloaded into a staging table that
 * replaces its table in one transaction at the end. A failing stream keeps its committed work and does not
 * stop the others.
 */
public final class Sync {

    private final Source source;
    private final DestinationUrl destination;
    private final Clock clock;

    public Sync(Source source, DestinationUrl destination, Clock clock) {
        this.source = requireNonNull(source, "source is null");
        this.destination = requireNonNull(destination, "destination is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Syncs; a stream's failure is in the result, not thrown.
     *
     * @throws dev.sluice.source.ConnectorException when the config is invalid, a selected stream does not
     *     exist, or the destination cannot be opened
     */
    public SyncResult run(Config config, SyncOptions options, SyncListener listener) {
        try (RunContext run = RunContext.named("sync")) {
            return run(run, config, options, listener);
        }
    }

    /**
     * Syncs in {@code run}, which the caller owns (and masks its own messages with: see
     * {@link RunContext#secrets()}); a stream's failure is in the result, not thrown.
     *
     * @throws dev.sluice.source.ConnectorException as {@link #run(Config, SyncOptions, SyncListener)}
     */
    public SyncResult run(RunContext run, Config userConfig, SyncOptions options, SyncListener listener) {
        // Configured once here; the runner below gets the result, which the source recognises as configured.
        Config config = source.configure(userConfig, run);
        ConfigValidator.validate(source.spec().connectionSpecification(), config);
        SecretMasker masker = Secrets.masker(source.spec().connectionSpecification(), config);
        List<Stream> streams = select(source.streams(config, run), options.streams());
        long started = clock.millis();
        try (Database database = Database.open(destination)) {
            StateStore states = new StateStore(database);
            List<StreamLoader> loaders = new ArrayList<>();
            Map<StreamDescriptor, StreamState> incoming = new HashMap<>();
            try {
                states.create();
                Map<String, StateStore.Entry> stored = states.load();
                StreamPlanner planner = new StreamPlanner(database.dialect(), new Tables(database));
                for (Stream stream : streams) {
                    StreamPlan plan = planner.plan(stream, stored.get(stream.name()), options.fullRefresh());
                    loaders.add(new StreamLoader(plan, database, states, options, clock));
                    incoming.put(new StreamDescriptor(stream.name(), stream.namespace()), plan.incoming());
                }
            } catch (SQLException e) {
                throw database.failure("Reading " + TableNames.STATE_TABLE, e);
            }
            List<ConfiguredAirbyteStream> catalog = loaders.stream().map(loader -> loader.plan().configured())
                    .toList();
            LoadingSink sink = new LoadingSink(loaders, listener, masker, run.secrets(), clock);
            try (PipelinedSink pipeline = new PipelinedSink(sink)) {
                new SourceRunner(source, pipeline, clock, run).read(config, new ConfiguredAirbyteCatalog(catalog),
                        new StateInput(incoming));
            }
            SyncResult result = new SyncResult(database.description(), sink.results(),
                    Duration.ofMillis(clock.millis() - started));
            listener.syncFinished(result);
            return result;
        }
    }

    private static List<Stream> select(List<Stream> available, List<String> names) {
        if (names.isEmpty()) {
            return available;
        }
        Map<String, Stream> byName = new LinkedHashMap<>();
        available.forEach(stream -> byName.put(stream.name(), stream));
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(byName.keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigException("Unknown stream(s) " + String.join(", ", unknown) + "; the source has: "
                    + String.join(", ", byName.keySet()));
        }
        List<Stream> selected = new ArrayList<>();
        byName.forEach((name, stream) -> {
            if (names.contains(name)) {
                selected.add(stream);
            }
        });
        return selected;
    }

    /** The configured catalog entry of a plan: incremental when the stream has a cursor. */
    static ConfiguredAirbyteStream configure(Stream stream, StreamPlan.Mode mode, boolean replace) {
        boolean incremental = mode != StreamPlan.Mode.FULL_REFRESH;
        DestinationSyncMode destinationMode = replace ? DestinationSyncMode.OVERWRITE
                : mode == StreamPlan.Mode.INCREMENTAL_DEDUP ? DestinationSyncMode.APPEND_DEDUP
                : DestinationSyncMode.APPEND;
        return new ConfiguredAirbyteStream(stream.toAirbyteStream(),
                incremental ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH, destinationMode,
                incremental ? stream.cursorField() : null,
                stream.primaryKey().isEmpty() ? null : stream.primaryKey().paths());
    }
}
