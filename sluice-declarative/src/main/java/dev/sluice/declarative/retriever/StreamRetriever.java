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

    @Override
    default void read(StreamSlice slice, RequestOptions sliceOptions, Consumer<ObjectNode> records) {
        read(slice, sliceOptions, RecordGate.OPEN, records);
    }
}
