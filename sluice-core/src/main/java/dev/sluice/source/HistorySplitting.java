package dev.sluice.source;

import java.util.Optional;

/**
 * Optional capability of an incremental {@link Stream} ({@link Stream#historySplitting()}): for a first sync, its
 * history can be split into closed ranges of cursor values, each read on its own with its own state, and the rest,
 * which {@link Stream#read} reads on incrementally.
 *
 * <p>Kept apart from {@link StreamPartitioning}: partitions are listed again and again and cover the whole stream,
 * while a split is decided once and leaves a rest to the ordinary read.
 */
public interface HistorySplitting {

    /**
     * Splits the history, for a first sync (no state yet), into {@code count} contiguous parts of about equal length:
     * {@code count - 1} closed ranges and the rest. The split is decided once, when called: a caller that reads the
     * parts over several runs stores it. Empty when {@code count < 2}, when the history is too short, or when the
     * stream's requests cannot carry a range after all.
     */
    Optional<HistorySplit> split(int count);

    /**
     * Reads one range of a split. Like {@link Stream#read}, but {@code request.state()} and every checkpoint are the
     * state of this range alone: empty for a first read, then the last state this method checkpointed for it.
     *
     * @throws ConnectorException as {@link Stream#read} does
     */
    void read(HistoryRange range, ReadRequest request, StreamSink sink);
}
