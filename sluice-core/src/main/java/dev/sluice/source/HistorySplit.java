package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The history of an incremental stream split into contiguous ranges of cursor values
 * ({@link HistorySplitting#split}): closed ranges, oldest first, and what follows them. Every cursor value up to the
 * end of the split belongs to exactly one part, so reading every range to its end and the stream from {@code rest}
 * misses nothing (neighbouring parts may overlap where the stream's own windows would, e.g. by its lookback window).
 *
 * @param ranges closed ranges, read with {@link HistorySplitting#read} until each was read to its end
 * @param rest   the state from which {@link Stream#read} reads on after the last range, and keeps syncing
 *               incrementally
 */
public record HistorySplit(List<HistoryRange> ranges, StreamState rest) {

    public HistorySplit {
        ranges = List.copyOf(ranges);
        requireNonNull(rest, "rest is null");
    }
}
