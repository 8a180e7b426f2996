package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.source.StreamState;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The cursor of a stream without {@code incremental_sync}: its slices are the partition router's (one empty slice
 * without a router), and its only checkpoint is {@code {"__ab_no_cursor_state_message": true}} at the end.
 */
public final class FinalStateCursor implements StreamCursor {

    private final @Nullable PartitionRouter router;

    public FinalStateCursor(@Nullable PartitionRouter router) {
        this.router = router;
    }

    @Override
    public void slices(Consumer<StreamSlice> out) {
        if (router == null) {
            out.accept(StreamSlice.EMPTY);
        } else {
            router.partitions(out);
        }
    }

    @Override
    public boolean singleSlice() {
        return router == null;
    }

    @Override
    public void observe(StreamSlice slice, ObjectNode record) {
    }

    @Override
    public Optional<StreamState> close(StreamSlice slice) {
        return Optional.empty();
    }

    @Override
    public StreamState finalState() {
        return StreamState.noCursor();
    }

    @Override
    public StreamState state() {
        return StreamState.noCursor();
    }
}
