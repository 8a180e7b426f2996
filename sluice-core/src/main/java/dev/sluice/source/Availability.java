package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads just enough of a stream to know it works: its first record, if any. */
public final class Availability {

    private Availability() {
    }

    /** The first record of a full-refresh read of {@code stream} in {@code run}; empty when the stream has none. */
    public static Optional<ObjectNode> firstRecord(Stream stream, RunContext run) {
        FirstRecordSink sink = new FirstRecordSink();
        try {
            stream.read(ReadRequest.fullRefresh(run), sink);
        } catch (StopReading stop) {
            // the sink stops the read once it has its record
        }
        return Optional.ofNullable(sink.first);
    }

    private static final class FirstRecordSink implements StreamSink {
        private @Nullable ObjectNode first;

        @Override
        public void record(ObjectNode data) {
            first = data;
            throw new StopReading();
        }

        @Override
        public void checkpoint(StreamState state) {
        }
    }

    /** Unwinds a read early; carries no failure. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }
}
