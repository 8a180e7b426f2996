package dev.sluice.sync;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on standard error: on a terminal, one live line per stream redrawn ten times a second (an
 * indeterminate bar, records, records/s, elapsed time); elsewhere, a plain line per stream every
 * {@code plainInterval}. Both end with {@link SummaryTable}.
 */
public final class ConsoleProgress implements SyncListener {

    private static final long LIVE_REDRAW_MILLIS = 100;
    private static final int BAR_WIDTH = 24;
    private static final int BLOCK = 6;

    private final PrintStream err;
    private final Clock clock;
    private final boolean live;
    private final long plainIntervalMillis;
    private String stream = "";
    private long startedAt;
    private long lastDrawn;
    private int frame;

    public ConsoleProgress(PrintStream err, Clock clock, boolean live, Duration plainInterval) {
        this.err = err;
        this.clock = clock;
        this.live = live;
        this.plainIntervalMillis = plainInterval.toMillis();
    }

    @Override
    public void streamStarted(String name, String table, String mode) {
        stream = name;
        startedAt = clock.millis();
        lastDrawn = startedAt;
        if (!live) {
            err.printf("%s: started (%s) into table %s%n", name, mode, table);
        } else {
            draw(0);
        }
    }

    @Override
    public void recordLoaded(String name, long records) {
        long now = clock.millis();
        if (now - lastDrawn < (live ? LIVE_REDRAW_MILLIS : plainIntervalMillis)) {
            return;
        }
        lastDrawn = now;
        if (live) {
            draw(records);
        } else {
            long elapsed = now - startedAt;
            err.printf(Locale.ROOT, "%s: %,d records, %,.0f records/s, %s elapsed%n", name, records,
                    rate(records, elapsed), SummaryTable.duration(Duration.ofMillis(elapsed)));
        }
    }

    @Override
    public void streamFinished(StreamResult result) {
        String outcome = result.succeeded() ? "done" : "FAILED: " + result.error();
        String line = String.format(Locale.ROOT, "%s: %s, %,d records in %s (%,.0f records/s)", result.stream(),
                outcome, result.records(), SummaryTable.duration(result.elapsed()), result.recordsPerSecond());
        err.print(live ? "\r\033[K" + line + "\n" : line + "\n");
        err.flush();
    }

    @Override
    public void syncFinished(SyncResult result) {
        err.print(SummaryTable.format(result));
        err.flush();
    }

    private void draw(long records) {
        long elapsed = clock.millis() - startedAt;
        int position = frame++ % (BAR_WIDTH - BLOCK + 1);
        StringBuilder bar = new StringBuilder(BAR_WIDTH);
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i >= position && i < position + BLOCK ? '█' : '░');
        }
        err.printf(Locale.ROOT, "\r\033[K%-24s %s %,12d records %,10.0f/s %8s", stream, bar, records,
                rate(records, elapsed), SummaryTable.duration(Duration.ofMillis(elapsed)));
        err.flush();
    }

    private static double rate(long records, long millis) {
        return records * 1000.0 / Math.max(1, millis);
    }
}
