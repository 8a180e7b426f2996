package dev.sluice.declarative.retriever;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.Retriever;
import dev.sluice.declarative.component.StreamSlice;
import java.util.function.Consumer;

/** The retriever of a stream: reads a slice, letting the stream's cursor keep records or stop the slice. */
public interface StreamRetriever extends Retriever {

    /** Reads the slice with the stream cursor's {@link RecordGate}. */
    void read(StreamSlice slice, RequestOptions sliceOptions, RecordGate gate, Consumer<ObjectNode> records);

    /**
     * Reads the slice, asking {@code requests} for its options; a retriever whose pagination can be reset also asks
     * it for the options of a narrowed slice.
     */
    default void read(StreamSlice slice, SliceRequests requests, RecordGate gate, Consumer<ObjectNode> records) {
        read(slice, requests.options(slice), gate, records);
    }

    /**
     * One read of the stream: by default every slice of the cursor is read as soon as it is made; a retriever that
     * must prepare slices first (server-side jobs) prepares them in its read.
     */
    default RetrieverRead newRead() {
        return RetrieverRead.direct(this);
    }

    /** Whether {@link #newRead} holds slices back (then the stream's cursor hands them to it first). */
    default boolean preparesSlices() {
        return false;
    }

    @Override
    default void read(StreamSlice slice, RequestOptions sliceOptions, Consumer<ObjectNode> records) {
        read(slice, sliceOptions, RecordGate.OPEN, records);
    }
}
