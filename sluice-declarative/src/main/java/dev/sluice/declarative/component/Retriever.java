package dev.sluice.declarative.component;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Reads every page of one slice. Thread-safe: slices may be read concurrently. */
public interface Retriever {

    /**
     * Reads the slice's records into {@code records}, in order.
     *
     * @param sliceOptions request options the stream's cursor or partition router adds for this slice
     */
    void read(StreamSlice slice, RequestOptions sliceOptions, Consumer<ObjectNode> records);
}
