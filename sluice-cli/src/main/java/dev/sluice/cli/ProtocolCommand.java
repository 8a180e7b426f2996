package dev.sluice.cli;

import dev.sluice.cli.logging.LogDestination;
import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.runner.ErrorTraces;
import dev.sluice.runner.Secrets;
import dev.sluice.runner.SourceRunner;
import dev.sluice.source.Config;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;
import picocli.CommandLine.Mixin;

/**
 * Shared frame of the protocol commands: output through one {@link MessageWriter}, logs as LOG messages,
 * secrets of the config and those obtained while running masked, and any failure turned into an error TRACE with
 * exit code 1. Each command is one {@link RunContext}, closed when the command ends.
 */
abstract class ProtocolCommand implements Callable<Integer> {

    @Mixin
    ConnectorOptions connector = new ConnectorOptions();

    final Clock clock = Clock.systemUTC();
    MessageWriter writer;
    private @Nullable RunContext run;

    /** Runs the command; returns the exit code. */
    abstract int run() throws Exception;

    @Override
    public final Integer call() {
        boolean debug = connector.debug || "debug".equalsIgnoreCase(System.getenv("LOG_LEVEL"));
        LogDestination.install(writer, debug ? Level.DEBUG : Level.INFO);
        try (RunContext current = RunContext.named("cli")) {
            run = current;
            int code;
            try {
                code = run();
            } catch (MessageWriter.OutputClosedException closed) {
                throw closed;
            } catch (Throwable failure) {
                // The CLI boundary: whatever escaped becomes the protocol's error TRACE, never a bare stack trace.
                writer.write(AirbyteTrace.error(clock.millis(), ErrorTraces.of(failure, null)));
                code = 1;
            }
            writer.flush();
            return code;
        } catch (MessageWriter.OutputClosedException closed) {
            // The reader of the output went away (`| head`): nothing more can be said on stdout, and a stack trace
            // would only bury the reason.
            System.err.println(writer.masker().mask("sluice: standard output was closed ("
                    + closed.getCause().getMessage() + "); stopping"));
            return 1;
        }
    }

    /** Loads the connector and masks the config's secrets from here on. */
    SourceRunner runner(Config config) {
        return runner(config, null);
    }

    /**
     * {@link #runner(Config)} for a config read from {@code configFile}, which a migration of the manifest's
     * {@code config_migrations} rewrites.
     */
    SourceRunner runner(Config config, @Nullable Path configFile) {
        Source source = Connectors.load(connector, config);
        if (source instanceof DeclarativeSource declarative) {
            // A rotated OAuth token must reach the platform, or the next sync uses a spent refresh token; a
            // migrated config must be persisted, or every run migrates it again.
            source = declarative.withConfigUpdates(new ConfigFileUpdates(writer, clock, configFile));
        }
        RunContext current = java.util.Objects.requireNonNull(run, "the command is not running");
        writer.maskSecrets(Secrets.masker(source.spec().connectionSpecification(), config), current.secrets());
        return new SourceRunner(source, writer, clock, current);
    }
}
