package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The choices of one sync.
 *
 * @param streams the streams to load; empty for all
 * @param fullRefresh reload every selected stream from scratch, ignoring the stored states
 * @param commitInterval commit at the first checkpoint after this much time since the last commit
 * @param commitRecords ... or after this many records
 */
public record SyncOptions(List<String> streams, boolean fullRefresh, Duration commitInterval, long commitRecords) {

    public SyncOptions {
        streams = List.copyOf(streams);
        requireNonNull(commitInterval, "commitInterval is null");
        if (commitRecords < 1) {
            throw new IllegalArgumentException("commitRecords must be positive: " + commitRecords);
        }
    }

    /** All streams, incremental where possible, a commit about every second or 200,000 records. */
    public static SyncOptions defaults() {
        return new SyncOptions(List.of(), false, Duration.ofSeconds(1), 200_000);
    }

    public SyncOptions withStreams(List<String> names) {
        return new SyncOptions(names, fullRefresh, commitInterval, commitRecords);
    }

    public SyncOptions withFullRefresh(boolean reset) {
        return new SyncOptions(streams, reset, commitInterval, commitRecords);
    }

    public SyncOptions withCommitEvery(Duration interval, long records) {
        return new SyncOptions(streams, fullRefresh, interval, records);
    }
}
