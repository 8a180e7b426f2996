package dev.sluice.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteRecord;
import dev.sluice.protocol.AirbyteRecordFileReference;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.MessageSink;
import dev.sluice.protocol.StreamDescriptor;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one configured stream and writes its messages: statuses, RECORDs, and STATEs carrying the number of
 * records since the previous STATE ({@code sourceStats.recordCount}). A stream that completes without any
 * checkpoint gets the reference's final {@code {"__ab_no_cursor_state_message": true}}.
 */
final class StreamReadJob implements StreamSink {

    private static final Logger log = LoggerFactory.getLogger(StreamReadJob.class);

    private final Stream stream;
    private final StreamDescriptor descriptor;
    private final ConfiguredAirbyteStream configured;
    private final MessageSink out;
    private final Clock clock;
    private final RunContext run;
    private boolean checkpointed;
    private long recordsSinceState;
    private long records;

    StreamReadJob(Stream stream, StreamDescriptor descriptor, ConfiguredAirbyteStream configured, MessageSink out,
            Clock clock, RunContext run) {
        this.stream = stream;
        this.run = run;
        this.descriptor = descriptor;
        this.configured = configured;
        this.out = out;
        this.clock = clock;
    }

    /** Reads the stream; returns the failure's summary for the aggregate error, or empty on success. */
    Optional<String> run(StreamState incoming) {
        status(AirbyteTrace.StreamStatus.STARTED);
        long started = clock.millis();
        try {
            stream.read(new ReadRequest(configured.syncMode(), incoming, configured, run), this);
            if (!checkpointed) {
                checkpoint(stateWithoutCheckpoint(incoming));
            }
            status(AirbyteTrace.StreamStatus.COMPLETE);
            log.info("Read {} records from stream {} in {} ms", records, descriptor.name(), clock.millis() - started);
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError failure) {
            // This is the boundary that keeps one failing stream from stopping the others.
            status(AirbyteTrace.StreamStatus.INCOMPLETE);
            out.accept(AirbyteTrace.error(clock.millis(), ErrorTraces.of(failure, descriptor)));
            log.error("Stream {} failed after {} records: {}", descriptor.name(), records, failure.getMessage());
            String detail = failure instanceof dev.sluice.source.ConnectorException c ? c.getMessage()
                    : failure.toString();
            return Optional.of(descriptor.name() + ": " + detail);
        }
    }

    /**
     * The final state of a stream that made no checkpoint. A resumable full refresh given the completion sentinel
     * reads nothing; the sentinel stays its state, as the reference's checkpoint reader returns it. Replacing it
     * with the no-cursor marker would make the next attempt resume from a state that is no page token.
     */
    private StreamState stateWithoutCheckpoint(StreamState incoming) {
        boolean finishedResumable = stream.isResumable() && stream.cursorField().isEmpty()
                && incoming.isFullRefreshComplete();
        return finishedResumable ? incoming : StreamState.noCursor();
    }

    @Override
    public void record(ObjectNode data) {
        write(new AirbyteRecord(descriptor.name(), data, clock.millis(), null));
    }

    @Override
    public void record(ObjectNode data, AirbyteRecordFileReference file) {
        write(new AirbyteRecord(descriptor.name(), data, clock.millis(), null, file));
    }

    private void write(AirbyteRecord record) {
        if (records == 0) {
            status(AirbyteTrace.StreamStatus.RUNNING);
        }
        out.accept(record);
        recordsSinceState++;
        records++;
    }

    @Override
    public void checkpoint(StreamState state) {
        out.accept(AirbyteStateMessage.forStream(descriptor, state.json(), recordsSinceState));
        recordsSinceState = 0;
        checkpointed = true;
    }

    private void status(AirbyteTrace.StreamStatus status) {
        out.accept(AirbyteTrace.streamStatus(clock.millis(), descriptor, status));
    }
}
