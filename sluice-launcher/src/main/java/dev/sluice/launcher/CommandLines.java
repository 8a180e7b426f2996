package dev.sluice.launcher;

import dev.sluice.protocol.MessageWriter;
import java.io.PrintWriter;
import java.io.Writer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Builds picocli command lines whose protocol commands write through one {@link MessageWriter}: what
 * {@link Launcher} uses, and what a command line of its own ({@code ./sluice}) uses to run the same commands.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * A picocli factory that hands {@code writer} (and {@code connector}, when not null) to every
     * {@link ProtocolCommand} it creates; other classes are created as picocli's default factory does.
     */
    public static CommandLine.IFactory factory(MessageWriter writer, @Nullable ConnectorChoice connector) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K instance = defaults.create(type);
                if (instance instanceof ProtocolCommand command) {
                    command.writer = writer;
                    command.given = connector;
                }
                return instance;
            }
        };
    }

    /**
     * {@code command}, set up as every Sluice command line is: {@code --help} and {@code --version} print on
     * standard output through the protocol writer and exit 0 before any protocol message, as the reference's
     * entrypoint does; mistakes in the arguments go to standard error; enum values ignore case.
     */
    public static CommandLine configured(CommandLine command, MessageWriter writer) {
        return command.setCaseInsensitiveEnumValuesAllowed(true).setOut(new PrintWriter(new TextOutput(writer), true));
    }

    /** Characters picocli prints, handed to the protocol writer, the only code that writes standard output. */
    private static final class TextOutput extends Writer {
        private final MessageWriter writer;

        TextOutput(MessageWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            writer.writeText(new String(characters, offset, length));
        }

        @Override
        public void flush() {
            writer.flush();
        }

        @Override
        public void close() {
            writer.flush();
        }
    }
}
