package dev.sluice.declarative.incremental;

import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.SliceNarrowing;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.source.StreamState;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Runtime of a stream's {@code incremental_sync}: creates the cursor of each read and the requests' options. */
public interface IncrementalSync {

    /** The record key holding the cursor value (the catalog's {@code default_cursor_field}). */
    String cursorField();

    /**
     * The cursor of one read from the stream's incoming state; with a partition router, a per-partition cursor.
     *
     * @throws dev.sluice.declarative.manifest.ManifestException when the cursor cannot be combined with the router
     */
    StreamCursor cursor(StreamState state, @Nullable PartitionRouter router);

    /** The options the cursor puts in a request of {@code slice} (its start and end time options). */
    RequestOptions requestOptions(StreamSlice slice);

    /** {@code is_data_feed}: stop paginating at the first page ending with an already synced record. */
    default boolean isDataFeed() {
        return false;
    }

    /** {@code is_client_side_incremental}: drop records outside the sync's range. */
    default boolean isClientSide() {
        return false;
    }

    /** Reading the history as separate ranges, for a sync whose cursor can be split; empty by default. */
    default Optional<HistoryRanges> historyRanges() {
        return Optional.empty();
    }

    /**
     * A fresh narrowing for one slice whose pagination is reset by {@code SPLIT_USING_CURSOR}; empty when this cursor
     * cannot narrow a slice (the slice is then read again from its start, as with {@code RESET}).
     */
    default Optional<SliceNarrowing> sliceNarrowing() {
        return Optional.empty();
    }
}
