package dev.sluice.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.StreamState;

/** What the reading thread hands to {@code poll()}, in order. */
sealed interface ReadEvent {

    WorkUnit unit();

    record Record(WorkUnit unit, ObjectNode data, long emittedAt) implements ReadEvent {
    }

    /** A checkpoint; {@code last} when the read then ended without a failure. */
    record Checkpoint(WorkUnit unit, StreamState state, boolean last) implements ReadEvent {
    }

    /** One read of the unit finished; {@code again} when the unit will be read again after the sync interval. */
    record Done(WorkUnit unit, boolean again) implements ReadEvent {
    }

    /** The read of the unit failed; the reading thread has stopped. */
    record Failure(WorkUnit unit, RuntimeException failure) implements ReadEvent {
    }
}
