package dev.sluice.launcher.logging;

import dev.sluice.protocol.AirbyteLog;
import dev.sluice.protocol.MessageSink;
import dev.sluice.protocol.SecretMasker;
import dev.sluice.protocol.SecretRegistry;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Where log events go: a protocol sink (as LOG messages, secrets masked by the writer) once a command installed
 * one, standard error before that. Process-wide, like any logging configuration: the one place allowed static
 * mutable fields ({@code ProcessWideStateTest}).
 */
public final class LogDestination {

    private static volatile @Nullable MessageSink sink;
    private static volatile Level threshold = Level.INFO;
    private static volatile SecretMasker standardErrorMasker = SecretMasker.none();
    private static volatile SecretRegistry standardErrorSecrets = new SecretRegistry();
    private static final PrintStream STDERR = System.err;

    private LogDestination() {
    }

    /** Log events at {@code level} and above go to {@code messages} as LOG messages from now on. */
    public static void install(MessageSink messages, Level level) {
        sink = messages;
        threshold = level;
    }

    /** Logs go to standard error again (tests, commands that own stdout differently). */
    public static void reset(Level level) {
        sink = null;
        threshold = level;
        standardErrorMasker = SecretMasker.none();
        standardErrorSecrets = new SecretRegistry();
    }

    /**
     * Masks these secrets (and those obtained while running) in what is logged on standard error from now on; a
     * protocol sink masks by itself.
     */
    public static void maskOnStandardError(SecretMasker configured, SecretRegistry obtained) {
        standardErrorMasker = configured;
        standardErrorSecrets = obtained;
    }

    static boolean isEnabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    static void emit(Level level, String loggerName, String message, @Nullable Throwable failure) {
        MessageSink target = sink;
        String stack = failure == null ? null : dev.sluice.runner.ErrorTraces.stackTrace(failure);
        if (target != null) {
            target.accept(new AirbyteLog(protocolLevel(level), message, stack));
        } else {
            SecretMasker masker = standardErrorMasker;
            SecretRegistry obtained = standardErrorSecrets;
            STDERR.println(level + " " + shortName(loggerName) + " - " + obtained.mask(masker, message));
            if (stack != null) {
                STDERR.print(obtained.mask(masker, stack));
            }
        }
    }

    private static AirbyteLog.Level protocolLevel(Level level) {
        return switch (level) {
            case ERROR -> AirbyteLog.Level.ERROR;
            case WARN -> AirbyteLog.Level.WARN;
            case INFO -> AirbyteLog.Level.INFO;
            case DEBUG -> AirbyteLog.Level.DEBUG;
            case TRACE -> AirbyteLog.Level.TRACE;
        };
    }

    private static String shortName(String loggerName) {
        int dot = loggerName.lastIndexOf('.');
        return dot < 0 ? loggerName : loggerName.substring(dot + 1);
    }
}
