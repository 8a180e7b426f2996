package dev.sluice.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.source.StreamState;

/**
 * What the reading thread hands to {@code poll()}, in order. Each kind calls its own method of a {@link Handler}, so
 * that the polling side handles every kind without a chain of casts and a new kind fails to compile until handled.
 */
sealed interface ReadEvent {

    WorkUnit unit();

    void accept(Handler handler);

    /** Handles each kind of event. */
    interface Handler {
        void record(Record record);

        void checkpoint(Checkpoint checkpoint);

        void done(Done done);

        void failure(Failure failure);
    }

    record Record(WorkUnit unit, ObjectNode data, long emittedAt) implements ReadEvent {
        @Override
        public void accept(Handler handler) {
            handler.record(this);
        }
    }

    /** A checkpoint; {@code last} when the read then ended without a failure. */
    record Checkpoint(WorkUnit unit, StreamState state, boolean last) implements ReadEvent {
        @Override
        public void accept(Handler handler) {
            handler.checkpoint(this);
        }
    }

    /** One read of the unit finished; {@code again} when the unit will be read again after the sync interval. */
    record Done(WorkUnit unit, boolean again) implements ReadEvent {
        @Override
        public void accept(Handler handler) {
            handler.done(this);
        }
    }

    /** The read of the unit failed; the reading thread has stopped. */
    record Failure(WorkUnit unit, RuntimeException failure) implements ReadEvent {
        @Override
        public void accept(Handler handler) {
            handler.failure(this);
        }
    }
}
