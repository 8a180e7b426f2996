package dev.sluice.cli;

import dev.sluice.protocol.MessageWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice <command>}: the entry point of the launcher script. */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice 0.1.0",
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
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K instance = defaults.create(type);
                if (instance instanceof ProtocolCommand command) {
                    command.writer = writer;
                }
                return instance;
            }
        };
        @Nullable Class<?> invoked = args.length == 0 ? null : subcommand(args[0]);
        if (invoked == null) {
            return new CommandLine(new Main(), factory).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        }
        // Only the invoked command's model is built: picocli builds every subcommand's model by reflection, with
        // classes the class-data-sharing archive cannot hold (picocli targets Java 5), which cost spec a third of
        // its start-up.
        CommandLine command = new CommandLine(invoked, factory).setCaseInsensitiveEnumValuesAllowed(true);
        command.setCommandName("sluice " + args[0]);
        return command.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    private static @Nullable Class<?> subcommand(String name) {
        for (Class<?> type : Main.class.getAnnotation(Command.class).subcommands()) {
            if (type.getAnnotation(Command.class).name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
