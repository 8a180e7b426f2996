package dev.sluice.cli;

import dev.sluice.source.Config;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The four Airbyte protocol commands. */
final class ProtocolCommands {

    private ProtocolCommands() {
    }

    @Command(name = "spec", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            description = "Print the connector's specification (SPEC).")
    static final class Spec extends ProtocolCommand {
        @Option(names = "--config", paramLabel = "FILE",
                description = "The connector's config (JSON); optional here. A manifest may be injected in it.")
        @Nullable Path config;

        @Override
        int run() {
            if (connector.manifest != null && connector.sourceClass == null) {
                writer.write(Connectors.specOf(connector.manifest));
                return 0;
            }
            Config settings = config == null ? Config.empty() : InputFiles.config(config);
            runner(settings).spec();
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            description = "Check that the config works (CONNECTION_STATUS).")
    static final class Check extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        Path config;

        @Override
        int run() {
            Config settings = InputFiles.config(config);
            runner(settings, config).check(settings);
            return 0;
        }
    }

    @Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            description = "List the streams and their schemas (CATALOG).")
    static final class Discover extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        Path config;

        @Override
        int run() {
            Config settings = InputFiles.config(config);
            runner(settings, config).discover(settings);
            return 0;
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
            description = "Read the configured streams (RECORD, STATE, LOG, TRACE).")
    static final class Read extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        Path config;

        @Option(names = "--catalog", required = true, paramLabel = "FILE",
                description = "The configured catalog (JSON): the streams to read and their sync modes.")
        Path catalog;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state (JSON) a previous read ended with; incremental streams resume from it.")
        @Nullable Path state;

        @Override
        int run() {
            Config settings = InputFiles.config(config);
            boolean succeeded = runner(settings, config).read(settings, InputFiles.catalog(catalog), InputFiles.state(state));
            return succeeded ? 0 : 1;
        }
    }
}
