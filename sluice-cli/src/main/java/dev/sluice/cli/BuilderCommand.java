package dev.sluice.cli;

import dev.sluice.builder.app.BuilderOptions;
import dev.sluice.builder.app.BuilderServer;
import dev.sluice.source.ConnectorException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice builder}: the Connector Builder web app on 127.0.0.1 until interrupted. It prints the page's
 * address (with its random token) on standard error.
 */
@Command(name = "builder", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Edit and test-read a manifest in the browser (a local web app on 127.0.0.1).")
final class BuilderCommand implements Callable<Integer> {

    @Option(names = {"--manifest", "--manifest-path"}, paramLabel = "FILE",
            description = "The manifest to edit; created on the first Save (default: ${DEFAULT-VALUE}).")
    Path manifest = Path.of("manifest.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "The config (JSON) the form starts from and Save config writes; without it the config "
                    + "stays in the page.")
    @Nullable Path config;

    @Option(names = "--port", paramLabel = "N",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    ClasspathOption classpath = new ClasspathOption();

    @Override
    public Integer call() throws InterruptedException {
        PrintStream err = System.err;
        try (ClasspathOption.OutsideClasses classes = classpath.open();
                BuilderServer server = BuilderServer.start(new BuilderOptions(manifest, config, port,
                        classes.loader()))) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sluice-builder-shutdown"));
            err.println("Connector Builder for " + manifest.toAbsolutePath() + " at");
            err.println("  " + server.url());
            err.println("Open it in your browser (only this machine can reach it). Ctrl-C to stop.");
            err.flush();
            stopped.await();
        } catch (ConnectorException e) {
            err.println("sluice builder: " + e.userMessage());
            return 1;
        }
        return 0;
    }
}
