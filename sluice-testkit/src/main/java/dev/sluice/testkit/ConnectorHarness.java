package dev.sluice.testkit;

import dev.sluice.loader.SourceLoader;
import dev.sluice.loader.SourceLocation;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.ConfiguredAirbyteCatalog;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.DestinationSyncMode;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SyncMode;
import dev.sluice.runner.SourceRunner;
import dev.sluice.runner.StateInput;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a source in-process, exactly as the CLI would, and returns its {@link Output}:
 * <pre>{@code
 * Output out = ConnectorHarness.of(new DemoSource()).read(config, catalog, state);
 * assertThat(out.records("employees")).hasSize(5000);
 * }</pre>
 * A failure that would end the command (a bad config in {@code read}) is captured as an error TRACE with exit
 * code 1, as the CLI does. Every command runs in its own {@link RunContext}, closed when the command ends.
 */
public final class ConnectorHarness {

    private final Source source;
    private final Clock clock;

    private ConnectorHarness(Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public static ConnectorHarness of(Source source) {
        return new ConnectorHarness(source, Clock.systemUTC());
    }

    /**
     * The source at {@code location} (a class name or a manifest), loaded with the harness's own class loader as
     * the CLI, the sync and Kafka Connect load it; see {@link #of(SourceLocation, ClassLoader)}.
     */
    public static ConnectorHarness of(SourceLocation location) {
        return of(location, ConnectorHarness.class.getClassLoader());
    }

    /**
     * The source at {@code location}, loaded by {@link SourceLoader} from {@code classLoader}. A location that
     * cannot be loaded throws the loader's {@link ConnectorException} (a missing class is a config error naming
     * the class path searched); a manifest needs sluice-declarative on that class path.
     */
    public static ConnectorHarness of(SourceLocation location, ClassLoader classLoader) {
        return of(new SourceLoader(classLoader).load(location));
    }

    public ConnectorHarness withClock(Clock newClock) {
        return new ConnectorHarness(source, newClock);
    }

    public Output spec() {
        return run(runner -> {
            runner.spec();
            return 0;
        });
    }

    public Output check(Config config) {
        return run(runner -> {
            runner.check(config);
            return 0;
        });
    }

    public Output discover(Config config) {
        return run(runner -> {
            runner.discover(config);
            return 0;
        });
    }

    public Output read(Config config, ConfiguredAirbyteCatalog catalog, StateInput state) {
        return run(runner -> runner.read(config, catalog, state) ? 0 : 1);
    }

    /** A read of every stream in full-refresh mode (incremental where supported when {@code incremental}). */
    public Output readAll(Config config, boolean incremental, StateInput state) {
        List<Stream> streams;
        try (RunContext run = RunContext.named("harness-discover")) {
            streams = source.streams(config, run);
        }
        return read(config, catalogOf(streams, incremental), state);
    }

    /** A configured catalog for these streams. */
    public static ConfiguredAirbyteCatalog catalogOf(List<Stream> streams, boolean incremental) {
        List<ConfiguredAirbyteStream> configured = new ArrayList<>();
        for (Stream stream : streams) {
            boolean canIncrement = incremental && !stream.cursorField().isEmpty();
            configured.add(new ConfiguredAirbyteStream(stream.toAirbyteStream(),
                    canIncrement ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH,
                    canIncrement ? DestinationSyncMode.APPEND_DEDUP : DestinationSyncMode.OVERWRITE,
                    canIncrement ? stream.cursorField() : null, null));
        }
        return new ConfiguredAirbyteCatalog(configured);
    }

    /** The final states of an output as the next read's {@code --state}. */
    public static StateInput stateOf(Output output) {
        return StateInput.parse(Json.MAPPER.valueToTree(output.finalStates()));
    }

    private interface Command {
        int run(SourceRunner runner);
    }

    private Output run(Command command) {
        List<AirbyteMessage> messages = new ArrayList<>();
        int exit;
        try (RunContext run = RunContext.named("harness")) {
            exit = command.run(new SourceRunner(source, messages::add, clock, run));
        } catch (ConnectorException e) {
            messages.add(dev.sluice.protocol.AirbyteTrace.error(clock.millis(),
                    dev.sluice.runner.ErrorTraces.of(e, null)));
            exit = 1;
        }
        return new Output(messages, exit);
    }
}
