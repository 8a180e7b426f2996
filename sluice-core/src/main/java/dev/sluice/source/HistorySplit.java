package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The history of an incremental stream split into contiguous ranges of cursor values ({@link Stream#splitHistory}):
 * closed ranges, oldest first, and what follows them. Every cursor value up to the end of the split belongs to
 * exactly one part, so reading every range to its end and the stream from {@code rest} misses nothing (neighbouring
 * parts may overlap where the stream's own windows would, e.g. by its lookback window).
 *
 * @param ranges closed ranges, each {@linkplain StreamPartition#bounded() bounded}, read with
 *               {@link Stream#readPartition} until each was read to its end
 * @param rest   the state from which {@link Stream#read} reads on after the last range, and keeps syncing
 *               incrementally
 */
public record HistorySplit(List<StreamPartition> ranges, StreamState rest) {

    public HistorySplit {
        ranges = List.copyOf(ranges);
        requireNonNull(rest, "rest is null");
        for (StreamPartition range : ranges) {
            if (!range.bounded()) {
                throw new IllegalArgumentException("the ranges of a history split are bounded: " + range.key());
            }
        }
    }
}
