package dev.sluice.launcher;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.MessageWriter;
import dev.sluice.source.Source;
import java.io.OutputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Turns a connector's {@code main} into the Airbyte command line, with the commands, flags, exit codes, masking
 * and output of {@code ./sluice}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Launcher.launch(new AcmeSource(), args);          // a code-first source
 *     // or: Launcher.launchManifest("manifest.yaml", args);  // a manifest in src/main/resources
 * }
 * }</pre>
 *
 * <p>The commands are {@code spec [--config FILE]}, {@code check --config FILE}, {@code discover --config FILE} and
 * {@code read --config FILE --catalog FILE [--state FILE]}, each with {@code --debug} (or {@code LOG_LEVEL=debug}),
 * {@code --help} and {@code --version}. Standard output carries protocol messages only (one JSON object per line);
 * SLF4J log events become LOG messages; every text is masked with the config's {@code airbyte_secret} values and
 * the secrets obtained while running; any failure is an error TRACE. Exit codes: 0 on success (a {@code check}
 * that reports FAILED included, as the reference does), 1 when a command failed or a stream of {@code read} failed,
 * 2 for arguments picocli cannot parse (the usage goes to standard error).
 *
 * <p>The {@code launch} methods exit the JVM with the command's exit code; the {@code run} methods return it and
 * leave the JVM running (tests, embedding). Logging goes through the process-wide SLF4J provider of this module, so
 * run one command at a time per JVM.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Runs the command {@code args} names on {@code source}, then exits the JVM with its exit code. */
    public static void launch(Source source, String[] args) {
        System.exit(run(source, args));
    }

    /**
     * Runs the command {@code args} names on the manifest in the class path resource {@code classpathResource}
     * (e.g. {@code "manifest.yaml"}), then exits the JVM with its exit code. {@code sluice-declarative} must be on
     * the class path; the launcher finds it through {@link dev.sluice.loader.ManifestProvider}.
     */
    public static void launchManifest(String classpathResource, String[] args) {
        System.exit(runManifest(classpathResource, MessageWriter.stdout(), args));
    }

    /** Runs the command {@code args} names on {@code source}, writing to standard output; returns the exit code. */
    public static int run(Source source, String... args) {
        return run(source, MessageWriter.stdout(), args);
    }

    /** Runs the command {@code args} names on {@code source}, writing to {@code out}; returns the exit code. */
    public static int run(Source source, OutputStream out, String... args) {
        return run(source, new MessageWriter(out), args);
    }

    /** Runs the command {@code args} names on {@code source}, writing through {@code writer}; returns the exit code. */
    public static int run(Source source, MessageWriter writer, String... args) {
        return run(ConnectorChoice.of(source), source.getClass().getSimpleName(), writer, args);
    }

    /**
     * Runs the command {@code args} names on the manifest resource {@code classpathResource}, found with the thread's
     * context class loader (or this class's, when it has none), writing to {@code out}; returns the exit code.
     */
    public static int runManifest(String classpathResource, OutputStream out, String... args) {
        return runManifest(classpathResource, new MessageWriter(out), args);
    }

    private static int runManifest(String classpathResource, MessageWriter writer, String... args) {
        @Nullable ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : Launcher.class.getClassLoader();
        return run(new ManifestResource(classpathResource, loader), classpathResource, writer, args);
    }

    /**
     * Runs the command {@code args} names on the connector {@code connector} chooses, writing through
     * {@code writer}; returns the exit code. {@code program} names the command line in usage messages.
     */
    public static int run(ConnectorChoice connector, String program, MessageWriter writer, String... args) {
        requireNonNull(connector, "connector is null");
        requireNonNull(program, "program is null");
        CommandLine.IFactory factory = CommandLines.factory(writer, connector);
        @Nullable Class<? extends ProtocolCommand> invoked = args.length == 0 ? null : ProtocolCommands.named(args[0]);
        if (invoked == null) {
            // No command, an unknown one, --help or --version: picocli answers from the model of all four.
            CommandLine all = CommandLines.configured(new CommandLine(new Program(), factory), writer);
            return all.setCommandName(program).execute(args);
        }
        // Only the invoked command's model is built: the others' cost start-up time and are not needed.
        CommandLine command = CommandLines.configured(new CommandLine(invoked, factory), writer);
        command.setCommandName(program + " " + args[0]);
        return command.execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /** The command line with the four protocol commands; it does nothing by itself. */
    @Command(mixinStandardHelpOptions = true, versionProvider = LauncherVersion.class,
            description = "An Airbyte source connector.",
            subcommands = {ProtocolCommands.Spec.class, ProtocolCommands.Check.class, ProtocolCommands.Discover.class,
                ProtocolCommands.Read.class})
    static final class Program {
    }
}
