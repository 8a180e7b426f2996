package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.source.StreamState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cursor of one read of a stream (the reference's concurrent {@code Cursor}): it produces the slices to read and
 * turns records and completed slices into checkpoints.
 *
 * <p>Lifecycle: {@link #slices} is called once, on a generating thread, while {@link #observe} and {@link #close}
 * are called on the delivering thread for slices already produced, and {@link #shouldBeSynced} on reading threads.
 * Implementations are therefore thread-safe, and never hold a lock while pushing to the consumer of {@link #slices}
 * (it blocks when enough slices are waiting). {@link #finalState} is called once, after every slice was closed or
 * failed; a failed slice is never closed.
 */
public interface StreamCursor {

    /** Pushes every slice to read, in order. May read parent streams; may block in {@code out}. */
    void slices(Consumer<StreamSlice> out);

    /** A record of {@code slice} was delivered. */
    void observe(StreamSlice slice, ObjectNode record);

    /** Every record of {@code slice} was delivered; returns the checkpoint to emit now, if any. */
    Optional<StreamState> close(StreamSlice slice);

    /** The checkpoint at the end of the stream, emitted whatever happened (the reference emits one always). */
    StreamState finalState();

    /** The current state, e.g. for a child stream storing it as its parent state. */
    StreamState state();

    /** Whether a record is within the sync's range (client-side incremental and data feeds). */
    /** Whether {@link #slices} yields exactly one slice, known before generating it (no router, no windows). */
    default boolean singleSlice() {
        return false;
    }

    default boolean shouldBeSynced(StreamSlice slice, ObjectNode record) {
        return true;
    }
}
