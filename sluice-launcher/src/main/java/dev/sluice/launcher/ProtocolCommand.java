package dev.sluice.launcher;

import static java.util.Objects.requireNonNull;

import dev.sluice.launcher.logging.LogDestination;
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
import picocli.CommandLine.Option;

/**
 * The frame every protocol command shares: output through one {@link MessageWriter}, logs as LOG messages,
 * the config's secrets and those obtained while running masked, and any failure turned into an error TRACE with
 * exit code 1. Each command is one {@link RunContext}, closed when the command ends, as is its
 * {@link ConnectorChoice}.
 *
 * <p>Public so that a command line with options of its own ({@code ./sluice}) can subclass the commands of
 * {@link ProtocolCommands} and override {@link #connector()}; build such commands with
 * {@link CommandLines#factory}, which hands them the writer.
 */
public abstract class ProtocolCommand implements Callable<Integer> {

    @Option(names = "--debug", description = "Log at DEBUG level.")
    boolean debug;

    final Clock clock = Clock.systemUTC();
    @Nullable MessageWriter writer;
    @Nullable ConnectorChoice given;
    private @Nullable RunContext run;

    ProtocolCommand() {
    }

    /** Runs the command; returns the exit code. */
    abstract int run(ConnectorChoice choice, MessageWriter out) throws Exception;

    /**
     * The connector this command runs, asked once per command and closed when it ends. By default the one the
     * {@link CommandLines#factory} was given; a command line that chooses it with options of its own overrides
     * this.
     */
    protected ConnectorChoice connector() {
        return requireNonNull(given, "no connector was given to the command factory");
    }

    /** Whether {@code --debug} was given (or {@code LOG_LEVEL=debug} is set, as the reference reads it). */
    protected final boolean debugLogging() {
        return debug || "debug".equalsIgnoreCase(System.getenv("LOG_LEVEL"));
    }

    @Override
    public final Integer call() {
        MessageWriter out = requireNonNull(writer, "no writer was given to the command factory");
        LogDestination.install(out, debugLogging() ? Level.DEBUG : Level.INFO);
        @Nullable ConnectorChoice choice = null;
        try (RunContext current = RunContext.named("cli")) {
            run = current;
            int code;
            try {
                choice = connector();
                code = run(choice, out);
            } catch (MessageWriter.OutputClosedException closed) {
                throw closed;
            } catch (Throwable failure) {
                // The CLI boundary: whatever escaped becomes the protocol's error TRACE, never a bare stack trace.
                out.write(AirbyteTrace.error(clock.millis(), ErrorTraces.of(failure, null)));
                code = 1;
            }
            out.flush();
            return code;
        } catch (MessageWriter.OutputClosedException closed) {
            // The reader of the output went away (`| head`): nothing more can be said on stdout, and a stack trace
            // would only bury the reason.
            System.err.println(out.masker().mask("sluice: standard output was closed ("
                    + closed.getCause().getMessage() + "); stopping"));
            return 1;
        } finally {
            // After the run: its services (made from the connector's classes) are closed first.
            if (choice != null) {
                choice.close();
            }
        }
    }

    /** The run of the command now running. */
    final RunContext currentRun() {
        return requireNonNull(run, "the command is not running");
    }

    /**
     * Loads the connector and masks the config's secrets from here on. {@code configFile}, where the config was
     * read from, is rewritten when the manifest's {@code config_migrations} migrate the config.
     */
    final SourceRunner runner(ConnectorChoice choice, MessageWriter out, Config config, @Nullable Path configFile) {
        // A rotated OAuth token must reach the platform, or the next sync uses a spent refresh token; a migrated
        // config must be persisted, or every run migrates it again.
        Source source = choice.load(config).withConfigUpdates(new ConfigFileUpdates(out, clock, configFile));
        RunContext current = requireNonNull(run, "the command is not running");
        out.maskSecrets(Secrets.masker(source.spec().connectionSpecification(), config), current.secrets());
        return new SourceRunner(source, out, clock, current);
    }
}
