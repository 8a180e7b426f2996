package dev.sluice.sync;

import java.time.Duration;
import java.util.Locale;

/** The table printed at the end of a sync: one row per stream, failures with their reason. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String format(SyncResult result) {
        StringBuilder out = new StringBuilder();
        int failed = (int) result.streams().stream().filter(stream -> !stream.succeeded()).count();
        out.append(String.format(Locale.ROOT, "%nSynced %,d records into %s in %s%s%n", result.records(),
                result.destination(), duration(result.elapsed()),
                failed == 0 ? "" : " (" + failed + " of " + result.streams().size() + " streams FAILED)"));
        String row = "  %-24s %-24s %-30s %12s %12s %9s  %s%n";
        out.append(String.format(Locale.ROOT, row, "stream", "table", "mode", "records", "records/s", "elapsed",
                "status"));
        for (StreamResult stream : result.streams()) {
            String status = stream.succeeded() ? "ok"
                    : "FAILED (" + String.format(Locale.ROOT, "%,d", stream.committed())
                            + " records kept for the next sync): " + stream.error();
            out.append(String.format(Locale.ROOT, row, stream.stream(), stream.table(), stream.mode(),
                    String.format(Locale.ROOT, "%,d", stream.records()),
                    String.format(Locale.ROOT, "%,.0f", stream.recordsPerSecond()), duration(stream.elapsed()),
                    status));
        }
        return out.toString();
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4:05}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
