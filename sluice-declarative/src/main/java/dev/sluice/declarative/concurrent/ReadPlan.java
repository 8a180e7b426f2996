package dev.sluice.declarative.concurrent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.source.StreamState;
import java.util.Optional;

/**
 * One read of a stream: the cursor that produces its slices and checkpoints, and how to read a slice.
 *
 * @param initialCheckpoint a checkpoint to emit before anything is read (a {@code StateDelegatingStream} falling
 *                          back to a full refresh resets the state to {@code {}})
 */
public record ReadPlan(StreamCursor cursor, SliceReader reader, Optional<StreamState> initialCheckpoint) {

    public ReadPlan {
        requireNonNull(cursor, "cursor is null");
        requireNonNull(reader, "reader is null");
        requireNonNull(initialCheckpoint, "initialCheckpoint is null");
    }

    public ReadPlan(StreamCursor cursor, SliceReader reader) {
        this(cursor, reader, Optional.empty());
    }

    /**
     * Reads every slice on the calling thread, observing and closing them with the cursor, and hands the records to
     * {@code records} with their slice; checkpoints are dropped. This is how a parent stream is read.
     */
    public void readSequentially(SliceRecords records) {
        cursor.slices(slice -> {
            reader.read(slice, record -> {
                cursor.observe(slice, record);
                records.accept(slice, record);
            });
            cursor.close(slice);
            records.sliceDone(slice);
        });
        cursor.finalState();
    }

    /** Receives a sequential read's records, and the end of each slice. */
    public interface SliceRecords {

        void accept(StreamSlice slice, ObjectNode record);

        default void sliceDone(StreamSlice slice) {
        }
    }
}
