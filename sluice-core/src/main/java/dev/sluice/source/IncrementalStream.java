package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.SyncMode;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stream read incrementally on a cursor field. Subclasses give the cursor field, the slices to read (one by
 * default) and the records of a slice; this class tracks the greatest cursor value and checkpoints
 * {@code {<cursor>: <max>}} after every slice and, if {@link #checkpointInterval()} is positive, every N
 * records within a slice.
 *
 * <p>A full-refresh read starts from an empty state but still checkpoints the cursor, as the reference does.
 *
 * <pre>{@code
 * class TimeOffRequests extends IncrementalStream {
 *     public List<String> cursorField() { return List.of("updated_at"); }
 *     protected Iterator<ObjectNode> records(Slice slice, StreamState state) { ... lazily ... }
 * }
 * }</pre>
 */
public abstract class IncrementalStream implements Stream {

    @Override
    public abstract List<String> cursorField();

    /** The slices to read for this state, in order; by default one empty slice. */
    protected List<Slice> slices(StreamState state) {
        return List.of(Slice.EMPTY);
    }

    /** The records of one slice, produced lazily; {@code state} is the state the read started from. */
    protected abstract Iterator<ObjectNode> records(Slice slice, StreamState state);

    /**
     * Checkpoint every N records within a slice; 0 (the default) checkpoints only at slice ends. Only safe
     * when the records of a slice arrive in ascending cursor order: a checkpoint mid-slice claims every
     * record up to its cursor value was delivered.
     */
    protected int checkpointInterval() {
        return 0;
    }

    @Override
    public final void read(ReadRequest request, StreamSink sink) {
        StreamState start = request.syncMode() == SyncMode.INCREMENTAL ? request.state() : StreamState.empty();
        CursorTracker tracker = new CursorTracker(cursorField(), start);
        int interval = checkpointInterval();
        @Nullable StreamState last = null;
        for (Slice slice : slices(start)) {
            long count = 0;
            Iterator<ObjectNode> records = records(slice, start);
            while (records.hasNext()) {
                ObjectNode record = records.next();
                sink.record(record);
                tracker.observe(record);
                count++;
                if (interval > 0 && count % interval == 0) {
                    last = checkpointIfChanged(sink, tracker.stateFrom(start), last);
                }
            }
            last = checkpointIfChanged(sink, tracker.stateFrom(start), last);
        }
    }

    /** Consecutive identical checkpoints add nothing; the reference de-duplicates them too. */
    private static StreamState checkpointIfChanged(StreamSink sink, StreamState state, @Nullable StreamState last) {
        if (!state.equals(last)) {
            sink.checkpoint(state);
        }
        return state;
    }
}
