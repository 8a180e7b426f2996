package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.SliceNarrowing;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/**
 * One slice read's pagination resets (the reference's {@code PaginationTracker}): counts the records since the last
 * reset against the limit and, with a cursor, narrows the slice at each reset. A reset that leaves the slice as it was
 * counts as a repeat: with a cursor none is allowed, without one the slice is read again once (the reference assumes
 * a reset without a cursor is a retry).
 */
final class PaginationTracker {

    private final String streamName;
    private final @Nullable SliceNarrowing narrowing;
    private final @Nullable Integer limit;
    private final int allowedRepeats;
    private int records;
    private int repeats;

    PaginationTracker(String streamName, @Nullable SliceNarrowing narrowing, @Nullable Integer limit) {
        this.streamName = streamName;
        this.narrowing = narrowing;
        this.limit = limit;
        this.allowedRepeats = narrowing == null ? 2 : 1;
    }

    void observe(ObjectNode record) {
        records++;
        if (narrowing != null) {
            narrowing.observe(record);
        }
    }

    boolean reachedLimit() {
        return limit != null && records >= limit;
    }

    /**
     * The slice to read after a reset: {@code original} narrowed by the cursor, or {@code previous} without one.
     *
     * @throws ConnectorException (system error) when the reset would read the same slice more often than allowed
     */
    StreamSlice afterReset(StreamSlice previous, StreamSlice original) {
        StreamSlice next = narrowing == null ? previous : narrowing.narrow(original);
        if (next.equals(previous)) {
            repeats++;
            if (repeats >= allowedRepeats) {
                String detail = "There were " + repeats + " attempts with the same slice already while the max "
                        + "allowed is " + allowedRepeats;
                throw new ConnectorException(FailureType.SYSTEM_ERROR, "The pagination of stream " + streamName
                        + " was reset without making progress: " + detail + " (slice " + previous.merged() + ")",
                        detail + " (stream " + streamName + ", slice " + previous.merged() + ")", null);
            }
        } else {
            repeats = 0;
        }
        records = 0;
        return next;
    }
}
