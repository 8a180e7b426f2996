package dev.sluice.kafka;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.util.Map;
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

    private UnitProgress(WorkUnit unit, Stream stream, RecordConverter converter, StreamState state, boolean complete) {
        this.unit = requireNonNull(unit, "unit is null");
        this.stream = requireNonNull(stream, "stream is null");
        this.converter = requireNonNull(converter, "converter is null");
        this.state = state;
        this.offset = OffsetCodec.encode(state, unit.split(), complete);
        this.finished = new UnitPlan(unit, stream, state, complete).finished();
    }

    /** The unit's progress from its stored offset, unless that belongs to another split (then from its start). */
    static UnitProgress resume(WorkUnit unit, Stream stream, RecordConverter converter,
            OffsetCodec.@Nullable Stored stored) {
        boolean foreign = stored != null && unit.split() != null && !unit.split().equals(stored.split());
        if (foreign) {
            log.info("The stored offset of {} belongs to another split; reading it from its start", unit.describe());
        }
        boolean usable = stored != null && !foreign;
        StreamState state = usable ? stored.state() : unit.initial();
        boolean complete = usable && stored.complete() && unit.bounded();
        return new UnitProgress(unit, stream, converter, state, complete);
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

    /** A record of the unit, carrying the offset to resume from so that it is read again. */
    SourceRecord record(ReadEvent.Record record) {
        return converter.convert(record.data(), unit.sourcePartition(), offset, record.emittedAt());
    }

    /** Takes a checkpoint: a bounded unit's last checkpoint completes it. Returns its offset. */
    Map<String, Object> checkpoint(ReadEvent.Checkpoint checkpoint) {
        boolean complete = checkpoint.last() && unit.bounded();
        state = checkpoint.state();
        offset = OffsetCodec.encode(state, unit.split(), complete);
        if (complete) {
            finished = true;
        }
        return offset;
    }

    /** The reading thread finished the unit for good. */
    void finish() {
        finished = true;
    }
}
