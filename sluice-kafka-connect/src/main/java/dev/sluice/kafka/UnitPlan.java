package dev.sluice.kafka;

import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;

/**
 * A unit with the stream that reads it and the state to start from.
 *
 * @param done a bounded unit that was read to its end
 */
record UnitPlan(WorkUnit unit, Stream stream, StreamState start, boolean done) {

    boolean incremental() {
        return !stream.cursorField().isEmpty();
    }

    /** Read again after each sync interval: an incremental unit that can find new records. */
    boolean rereads() {
        return incremental() && !unit.bounded();
    }

    /**
     * Nothing left to read: a bounded unit read to its end, or a full refresh whose last read finished (reading it
     * again would duplicate every record).
     */
    boolean finished() {
        return done || !incremental() && !unit.bounded() && completes(start);
    }

    /** The plan after a read that ended without failure with the state {@code last}. */
    UnitPlan after(StreamState last) {
        return new UnitPlan(unit, stream, last, unit.bounded());
    }

    /** Whether a state says the whole stream was read (which a failed read must not claim). */
    static boolean completes(StreamState state) {
        return state.isFullRefreshComplete() || state.isNoCursor();
    }
}
