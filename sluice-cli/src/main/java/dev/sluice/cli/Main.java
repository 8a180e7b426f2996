package dev.sluice.cli;

import dev.sluice.launcher.CommandLines;
import dev.sluice.protocol.MessageWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice <command>}: the entry point of the launcher script. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Run Airbyte source connectors, code-first or declarative, on the JVM.",
        subcommands = {
            ProtocolCommands.Spec.class,
            ProtocolCommands.Check.class,
            ProtocolCommands.Discover.class,
            ProtocolCommands.Read.class,
            ValidateCommand.class,
            DemoApiCommand.class,
            SyncCommand.class,
            DemoCommand.class,
            InitCommand.class,
            ConnectorBuilderCommand.class,
            BuilderCommand.class,
        })
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code, printing protocol messages on standard output. */
    public static int execute(String... args) {
        return execute(MessageWriter.stdout(), args);
    }

    /** Runs a command in-process with protocol output going to {@code writer} (tests and harnesses). */
    public static int execute(MessageWriter writer, String... args) {
        // The protocol commands choose their connector with ./sluice's options, so the factory is given none.
        CommandLine.IFactory protocol = CommandLines.factory(writer, null);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K instance = protocol.create(type);
                // The builder's read prints its one message through the same writer as the protocol commands.
                if (instance instanceof ConnectorBuilderCommand.Read read) {
                    read.writer = writer;
                }
                return instance;
            }
        };
        @Nullable Class<?> invoked = args.length == 0 ? null : subcommand(args[0]);
        if (invoked == null) {
            return CommandLines.configured(new CommandLine(new Main(), factory), writer).execute(args);
        }
        // Only the invoked command's model is built: picocli builds every subcommand's model by reflection, with
        // classes the class-data-sharing archive cannot hold (picocli targets Java 5), which cost spec a third of
        // its start-up.
        CommandLine command = CommandLines.configured(new CommandLine(invoked, factory), writer);
        command.setCommandName("sluice " + args[0]);
        return command.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    /** Every subcommand, as {@code sluice --help} lists them. */
    static List<Class<?>> subcommands() {
        return List.of(Main.class.getAnnotation(Command.class).subcommands());
    }

    private static @Nullable Class<?> subcommand(String name) {
        for (Class<?> type : subcommands()) {
            if (type.getAnnotation(Command.class).name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
