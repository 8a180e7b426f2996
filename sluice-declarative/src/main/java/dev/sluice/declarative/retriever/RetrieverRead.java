package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import java.util.function.Consumer;

/**
 * One read of a stream by its retriever: which of the cursor's slices are read when, and how a slice is read. A
 * page retriever reads each slice as the cursor makes it; an {@code AsyncRetriever} first runs a job per slice and
 * hands a slice on once its job completed, still the same slice, so that the cursor checkpoints it as any other.
 */
public interface RetrieverRead {

    /** Pushes the cursor's slices. */
    @FunctionalInterface
    interface CursorSlices {
        void push(Consumer<StreamSlice> out);
    }

    /**
     * Pushes to {@code ready} each slice of {@code cursor} once it can be read (possibly later, and in another
     * order); may block, and may throw after the last slice for slices that could not be made ready.
     */
    void slices(CursorSlices cursor, Consumer<StreamSlice> ready);

    /**
     * Reads a slice that {@link #slices} made ready, asking {@code requests} for its options (and, where pagination
     * can be reset, for those of a narrowed slice).
     */
    void read(StreamSlice slice, SliceRequests requests, RecordGate gate, Consumer<ObjectNode> records);

    /** A read in which each slice is ready at once and read by {@code retriever}. */
    static RetrieverRead direct(StreamRetriever retriever) {
        return new RetrieverRead() {
            @Override
            public void slices(CursorSlices cursor, Consumer<StreamSlice> ready) {
                cursor.push(ready);
            }

            @Override
            public void read(StreamSlice slice, SliceRequests requests, RecordGate gate,
                    Consumer<ObjectNode> records) {
                retriever.read(slice, requests, gate, records);
            }
        };
    }
}
