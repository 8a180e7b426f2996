package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one stream.
 *
 * @param records the records read (and, when {@code succeeded}, loaded)
 * @param committed the records committed; after a failure, what the next sync does not read again
 * @param error the user-facing reason, when the stream failed
 */
public record StreamResult(String stream, String table, String mode, long records, long committed,
        Duration elapsed, @Nullable String error) {

    public StreamResult {
        requireNonNull(stream, "stream is null");
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Records per second over the stream's elapsed time. */
    public double recordsPerSecond() {
        long millis = Math.max(1, elapsed.toMillis());
        return records * 1000.0 / millis;
    }
}
