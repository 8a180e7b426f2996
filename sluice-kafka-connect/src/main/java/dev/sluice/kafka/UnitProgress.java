package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a task knows of one of its units, on the polling thread: the stream that reads it, how its records become
 * Connect records, and how far it got (its last checkpoint, as state and as the offset its records carry, and
 * whether nothing is left to read).
 */
final class UnitProgress {

    private static final Logger log = LoggerFactory.getLogger(UnitProgress.class);

    private final WorkUnit unit;
    private final Stream stream;
    private final RecordConverter converter;
    private StreamState state;
    private Map<String, Object> offset;
    private boolean finished;
    /** Exactly once, for a stream with a cursor: the records a read resumed from the last checkpoint repeats. */
    private final @Nullable CheckpointBoundary boundary;

    private UnitProgress(WorkUnit unit, Stream stream, RecordConverter converter, StreamState state, boolean complete,
            @Nullable CheckpointBoundary boundary) {
        this.unit = requireNonNull(unit, "unit is null");
        this.stream = requireNonNull(stream, "stream is null");
        this.converter = requireNonNull(converter, "converter is null");
        this.state = state;
        this.boundary = boundary;
        this.offset = offset(state, complete);
        this.finished = new UnitPlan(unit, stream, state, complete).finished();
    }

    /** The offset of a state, with the boundary of the last checkpoint (so that no commit loses it). */
    private Map<String, Object> offset(StreamState at, boolean complete) {
        Map<String, Object> encoded = OffsetCodec.encode(at, unit.split(), complete);
        String remembered = boundary == null ? null : boundary.encode();
        if (remembered == null) {
            return encoded;
        }
        Map<String, Object> withBoundary = new TreeMap<>(encoded);
        withBoundary.put(CheckpointBoundary.KEY, remembered);
        return java.util.Collections.unmodifiableMap(withBoundary);
    }

    /** The unit's progress from its stored offset, unless that belongs to another split (then from its start). */
    static UnitProgress resume(WorkUnit unit, Stream stream, RecordConverter converter,
            OffsetCodec.@Nullable Stored stored) {
        return resume(unit, stream, converter, stored, null);
    }

    /**
     * The same, exactly once: {@code boundary} (from the same stored offset) drops the records a read resumed from
     * the checkpoint repeats.
     */
    static UnitProgress resume(WorkUnit unit, Stream stream, RecordConverter converter,
            OffsetCodec.@Nullable Stored stored, @Nullable CheckpointBoundary boundary) {
        boolean foreign = stored != null && unit.split() != null && !unit.split().equals(stored.split());
        if (foreign) {
            log.info("The stored offset of {} belongs to another split; reading it from its start", unit.describe());
        }
        boolean usable = stored != null && !foreign;
        StreamState state = usable ? stored.state() : unit.initial();
        boolean complete = usable && stored.complete() && unit.bounded();
        // A unit read from its start still needs a boundary: its first checkpoint's offset must carry one, or a read
        // resumed from that checkpoint writes again the records the checkpoint's cursor value stands for.
        CheckpointBoundary start = boundary == null || usable ? boundary
                : CheckpointBoundary.of(stream.cursorField(), null);
        return new UnitProgress(unit, stream, converter, state, complete, start);
    }

    WorkUnit unit() {
        return unit;
    }

    boolean finished() {
        return finished;
    }

    /** The next read of the unit, from its last checkpoint. */
    UnitPlan plan() {
        return new UnitPlan(unit, stream, state, false);
    }

    /**
     * A record of the unit, carrying the offset to resume from so that it is read again; null for a record the last
     * checkpoint's interval already handed out.
     */
    @Nullable SourceRecord record(ReadEvent.Record record) {
        if (boundary != null) {
            if (boundary.seen(record.data())) {
                return null;
            }
            boundary.observe(record.data());
        }
        return converter.convert(record.data(), unit.sourcePartition(), offset, record.emittedAt());
    }

    /** Takes a checkpoint: a bounded unit's last checkpoint completes it. Returns its offset. */
    Map<String, Object> checkpoint(ReadEvent.Checkpoint checkpoint) {
        boolean complete = checkpoint.last() && unit.bounded();
        state = checkpoint.state();
        if (boundary != null) {
            boundary.checkpoint();
        }
        offset = offset(state, complete);
        if (complete) {
            finished = true;
        }
        return offset;
    }

    /**
     * The records handed out since the last checkpoint were dropped (their read failed, or their transaction was
     * aborted): the unit is read again from that checkpoint, and what they left in the boundary is forgotten.
     */
    void rewind() {
        if (boundary != null) {
            boundary.rewind();
        }
    }

    /** The reading thread finished the unit for good. */
    void finish() {
        finished = true;
    }
}
