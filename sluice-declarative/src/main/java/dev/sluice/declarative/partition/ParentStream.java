package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.util.List;

/** What a {@code SubstreamPartitionRouter} needs of a parent stream: its name, its cursor field, a read. */
public interface ParentStream {

    /** The stream's name; its state is kept under it in the child's {@code parent_state}. */
    String name();

    /** The parent's cursor field, empty without one. */
    List<String> cursorField();

    /** A read of the parent from {@code state}; nothing is requested before {@link Read#readSequentially}. */
    Read plan(StreamState state);

    /** One read of a parent stream. */
    interface Read {

        /**
         * Reads every slice on the calling thread, observing and closing them with the parent's cursor, and hands the
         * records to {@code records} with their slice; checkpoints are dropped.
         */
        void readSequentially(SliceRecords records);

        /** The parent cursor's state now (its incoming state before the read starts). */
        StreamState state();
    }

    /** Receives a sequential read's records, and the end of each slice. */
    interface SliceRecords {

        void accept(StreamSlice slice, ObjectNode record);

        default void sliceDone(StreamSlice slice) {
        }
    }
}
