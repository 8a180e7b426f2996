package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A cursor's view of one slice while its pagination is reset ({@code PaginationReset: SPLIT_USING_CURSOR}): it watches
 * the records read and narrows the slice to start at the highest cursor value seen, as the reference's
 * {@code ConcurrentCursor.reduce_slice_range} does on a stateless copy of the stream's cursor. One instance per slice
 * read; not shared between threads.
 */
public interface SliceNarrowing {

    /** A record read for the slice (records without a readable cursor value are passed over). */
    void observe(ObjectNode record);

    /**
     * {@code original} with its cursor window starting at the highest cursor value observed and ending where it
     * ended; {@code original} itself when no value was observed.
     */
    StreamSlice narrow(StreamSlice original);
}
