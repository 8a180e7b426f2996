package dev.sluice.kafka;

import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;

/** A unit with the stream that reads it and the state to start from. */
record UnitPlan(WorkUnit unit, Stream stream, StreamState start) {

    boolean incremental() {
        return !stream.cursorField().isEmpty();
    }

    /** A full refresh whose last read finished: reading it again would duplicate every record. */
    boolean finishedFullRefresh() {
        return !incremental() && (start.isFullRefreshComplete()
                || start.get(StreamState.NO_CURSOR).map(node -> node.asBoolean(false)).orElse(false));
    }
}
