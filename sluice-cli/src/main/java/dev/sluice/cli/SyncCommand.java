package dev.sluice.cli;

import dev.sluice.launcher.ConnectorChoice;
import dev.sluice.launcher.InputFiles;
import dev.sluice.launcher.logging.LogDestination;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.runner.ErrorTraces;
import dev.sluice.runner.Secrets;
import dev.sluice.source.Config;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.sync.DestinationUrl;
import dev.sluice.sync.Sync;
import dev.sluice.sync.SyncOptions;
import dev.sluice.sync.SyncResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice sync}: reads a connector in-process and loads its streams into DuckDB (default
 * {@code ./sluice.duckdb}), PostgreSQL or SQLite. Progress and the summary go to standard error; the exit code
 * is 1 when any stream failed.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Load a connector's streams into DuckDB, PostgreSQL or SQLite, incrementally.")
final class SyncCommand implements Callable<Integer> {

    @Mixin
    ConnectorOptions connector = new ConnectorOptions();

    @Option(names = "--debug", description = "Log at DEBUG level.")
    boolean debug;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The connector's config (JSON).")
    Path config;

    @Option(names = "--streams", split = ",", paramLabel = "NAME",
            description = "Only these streams (comma-separated); default all.")
    List<String> streams = new ArrayList<>();

    @Option(names = "--destination", paramLabel = "URL", defaultValue = DestinationUrl.DEFAULT,
            description = "A DuckDB file (*.duckdb), a SQLite file (*.sqlite, *.db) or postgresql://user:password@host:port/db "
                    + "(default: ${DEFAULT-VALUE}).")
    String destination = DestinationUrl.DEFAULT;

    @Option(names = "--full-refresh", description = "Reload every stream from scratch, ignoring the saved states.")
    boolean fullRefresh;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a live bar on a terminal, plain lines otherwise), live, plain or none.")
    SyncProgress progress = SyncProgress.AUTO;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        LogDestination.reset(debug ? Level.DEBUG : Level.WARN);
        SecretMasker masker = SecretMasker.none();
        // The run outlives the try below: its secrets mask the failure reported after it closed.
        RunContext run = RunContext.named("sync");
        // The connector's classes outlive the run: its services are closed before the --classpath jars.
        try (ConnectorChoice choice = connector.choice(); run) {
            Config settings = InputFiles.config(config);
            Source source = choice.load(settings);
            masker = Secrets.masker(source.spec().connectionSpecification(), settings);
            LogDestination.maskOnStandardError(masker, run.secrets());
            SyncOptions options = SyncOptions.defaults().withStreams(streams).withFullRefresh(fullRefresh);
            SyncResult result = new Sync(source, DestinationUrl.parse(destination), Clock.systemUTC())
                    .run(run, settings, options, progress.listener(err));
            return result.succeeded() ? 0 : 1;
        } catch (ConnectorException e) {
            err.println("sluice sync: " + run.secrets().mask(masker, e.userMessage()));
            return 1;
        } catch (Throwable failure) {
            // The CLI boundary: an unexpected failure is reported in one line plus its stack trace, both masked, since
            // the trace repeats the message (and its causes') in which a secret may stand.
            err.println("sluice sync: unexpected failure: " + run.secrets().mask(masker, String.valueOf(failure)));
            err.print(run.secrets().mask(masker, ErrorTraces.stackTrace(failure)));
            return 1;
        }
    }
}
