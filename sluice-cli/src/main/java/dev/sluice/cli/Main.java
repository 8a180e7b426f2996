package dev.sluice.cli;

import dev.sluice.protocol.MessageWriter;
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
        return new CommandLine(new Main(), factory).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
