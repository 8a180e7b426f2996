package dev.sluice.launcher;

import dev.sluice.protocol.ConnectorSpecification;
import dev.sluice.protocol.MessageWriter;
import dev.sluice.source.Config;
import dev.sluice.source.FileStaging;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The four Airbyte protocol commands with the reference's flags: {@code spec}, {@code check --config},
 * {@code discover --config}, {@code read --config --catalog [--state]}, each with {@code --debug}. A command line
 * with options of its own subclasses them (picocli reads the options of the whole class hierarchy).
 */
public final class ProtocolCommands {

    private ProtocolCommands() {
    }

    /** The command classes, in the order a usage message lists them. */
    public static List<Class<? extends ProtocolCommand>> all() {
        return List.of(Spec.class, Check.class, Discover.class, Read.class);
    }

    /** {@code spec}: the connector's specification. */
    @Command(name = "spec", mixinStandardHelpOptions = true, versionProvider = LauncherVersion.class,
            description = "Print the connector's specification (SPEC).")
    public static class Spec extends ProtocolCommand {
        @Option(names = "--config", paramLabel = "FILE",
                description = "The connector's config (JSON); optional here. A manifest may be injected in it.")
        @Nullable Path config;

        @Override
        final int run(ConnectorChoice choice, MessageWriter out) {
            // A manifest file's SPEC needs no source: only its spec section is read.
            Optional<ConnectorSpecification> declared = choice.declaredSpec();
            if (declared.isPresent()) {
                out.write(declared.get());
                return 0;
            }
            Config settings = config == null ? Config.empty() : InputFiles.config(config);
            runner(choice, out, settings, config).spec();
            return 0;
        }
    }

    /** {@code check}: whether the config works. */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = LauncherVersion.class,
            description = "Check that the config works (CONNECTION_STATUS).")
    public static class Check extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        @Nullable Path config;

        @Override
        final int run(ConnectorChoice choice, MessageWriter out) {
            Path file = required(config);
            Config settings = InputFiles.config(file);
            runner(choice, out, settings, file).check(settings);
            return 0;
        }
    }

    /** {@code discover}: the streams and their schemas. */
    @Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = LauncherVersion.class,
            description = "List the streams and their schemas (CATALOG).")
    public static class Discover extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        @Nullable Path config;

        @Override
        final int run(ConnectorChoice choice, MessageWriter out) {
            Path file = required(config);
            Config settings = InputFiles.config(file);
            runner(choice, out, settings, file).discover(settings);
            return 0;
        }
    }

    /** {@code read}: the configured streams' records and states. */
    @Command(name = "read", mixinStandardHelpOptions = true, versionProvider = LauncherVersion.class,
            description = "Read the configured streams (RECORD, STATE, LOG, TRACE).")
    public static class Read extends ProtocolCommand {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "The connector's config (JSON), as the platform gives it.")
        @Nullable Path config;

        @Option(names = "--catalog", required = true, paramLabel = "FILE",
                description = "The configured catalog (JSON): the streams to read and their sync modes.")
        @Nullable Path catalog;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state (JSON) a previous read ended with; incremental streams resume from it.")
        @Nullable Path state;

        @Option(names = "--files-dir", paramLabel = "DIR",
                description = "Where file-transfer streams (file_uploader) write their files; default: "
                        + "$AIRBYTE_STAGING_DIRECTORY, else /tmp/airbyte-file-transfer.")
        @Nullable Path filesDir;

        @Override
        final int run(ConnectorChoice choice, MessageWriter out) {
            if (filesDir != null) {
                currentRun().preset(FileStaging.SERVICE, new FileStaging(filesDir));
            }
            Path file = required(config);
            Config settings = InputFiles.config(file);
            boolean succeeded = runner(choice, out, settings, file)
                    .read(settings, InputFiles.catalog(required(catalog)), InputFiles.state(state));
            return succeeded ? 0 : 1;
        }
    }

    /** Picocli enforces {@code required = true} before the command runs; this only satisfies the null checker. */
    private static Path required(@Nullable Path path) {
        if (path == null) {
            throw new IllegalStateException("picocli let a required option through");
        }
        return path;
    }

    static @Nullable Class<? extends ProtocolCommand> named(String name) {
        for (Class<? extends ProtocolCommand> type : all()) {
            if (type.getAnnotation(Command.class).name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
