package dev.sluice.declarative.incremental;

import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.StreamState;
import java.util.Optional;

/**
 * The capability of an incremental sync whose history can be read as separate ranges, each with its own cursor
 * (a datetime cursor's date ranges), so that the ranges can be read in parallel.
 */
public interface HistoryRanges {

    /** The history split into {@code count} ranges, or empty when this sync cannot split it after all. */
    Optional<HistorySplit> splitHistory(int count);

    /** The cursor of one closed range of a split, from that range's state. */
    StreamCursor rangeCursor(StreamState state, HistoryRange range);
}
