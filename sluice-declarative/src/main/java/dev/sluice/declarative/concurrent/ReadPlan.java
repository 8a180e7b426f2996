package dev.sluice.declarative.concurrent;

import static java.util.Objects.requireNonNull;

import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.declarative.partition.ParentStream;
import dev.sluice.source.StreamState;
import java.util.Optional;

/**
 * One read of a stream: the cursor that produces its slices and checkpoints, and how to read a slice.
 *
 * @param initialCheckpoint a checkpoint to emit before anything is read (a {@code StateDelegatingStream} falling
 *                          back to a full refresh resets the state to {@code {}})
 */
public record ReadPlan(StreamCursor cursor, SliceReader reader, Optional<StreamState> initialCheckpoint)
        implements ParentStream.Read {

    public ReadPlan {
        requireNonNull(cursor, "cursor is null");
        requireNonNull(reader, "reader is null");
        requireNonNull(initialCheckpoint, "initialCheckpoint is null");
    }

    public ReadPlan(StreamCursor cursor, SliceReader reader) {
        this(cursor, reader, Optional.empty());
    }

    /** How a parent stream is read: see {@link ParentStream.Read#readSequentially}. */
    @Override
    public void readSequentially(ParentStream.SliceRecords records) {
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

    @Override
    public StreamState state() {
        return cursor.state();
    }
}
