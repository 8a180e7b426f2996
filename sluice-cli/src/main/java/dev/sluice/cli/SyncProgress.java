package dev.sluice.cli;

import dev.sluice.sync.ConsoleProgress;
import dev.sluice.sync.SyncListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** The {@code --progress} choice of {@code sync} and {@code demo}; the summary table is printed in every mode. */
enum SyncProgress {
    AUTO, LIVE, PLAIN, NONE;

    /** {@code ./sluice} sets this when standard error is a terminal; Java cannot tell that by itself. */
    static final String TERMINAL_VARIABLE = "SLUICE_STDERR_TTY";

    SyncListener listener(PrintStream err) {
        String told = System.getenv(TERMINAL_VARIABLE);
        // Without the launcher's word, a console (stdin and stdout on a terminal) makes a terminal stderr likely.
        boolean terminal = told != null ? told.equals("1") : System.console() != null;
        return switch (this) {
            case NONE -> new SyncListener() { // no progress, but the summary: it is the command's result
                @Override
                public void syncFinished(dev.sluice.sync.SyncResult result) {
                    err.print(dev.sluice.sync.SummaryTable.format(result));
                    err.flush();
                }
            };
            case LIVE -> new ConsoleProgress(err, Clock.systemUTC(), true, Duration.ofSeconds(5));
            case PLAIN -> new ConsoleProgress(err, Clock.systemUTC(), false, Duration.ofSeconds(5));
            case AUTO -> new ConsoleProgress(err, Clock.systemUTC(), terminal, Duration.ofSeconds(5));
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
