package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The outcome of a sync: one result per selected stream, in catalog order. */
public record SyncResult(String destination, List<StreamResult> streams, Duration elapsed) {

    public SyncResult {
        requireNonNull(destination, "destination is null");
        streams = List.copyOf(streams);
        requireNonNull(elapsed, "elapsed is null");
    }

    public boolean succeeded() {
        return streams.stream().allMatch(StreamResult::succeeded);
    }

    public Optional<StreamResult> stream(String name) {
        return streams.stream().filter(result -> result.stream().equals(name)).findFirst();
    }

    public long records() {
        return streams.stream().mapToLong(StreamResult::records).sum();
    }
}
