package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteRecordFileReference;

/**
 * Where a stream delivers what it reads, in order. A checkpoint covers every record delivered before it:
 * a consumer that persists the checkpoint may forget those records, so a stream must only checkpoint work
 * that is complete (for an incremental stream, a cursor value at or below every record not yet delivered).
 *
 * <p>Called from one thread at a time. Implementations may block (back-pressure).
 */
public interface StreamSink {

    /** One record of the stream. The stream must not mutate {@code data} afterwards. */
    void record(ObjectNode data);

    /**
     * One record of a file-transfer stream, with the file it stands for (already written to the run's
     * {@link FileStaging} folder). A sink that writes no protocol records keeps the data alone; the file stays staged.
     */
    default void record(ObjectNode data, AirbyteRecordFileReference file) {
        record(data);
    }

    /** A resumable position: reading again from {@code state} loses nothing delivered after it. */
    void checkpoint(StreamState state);
}
