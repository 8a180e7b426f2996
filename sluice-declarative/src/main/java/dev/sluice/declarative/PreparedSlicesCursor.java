package dev.sluice.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.declarative.retriever.RetrieverRead;
import dev.sluice.source.StreamState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stream's cursor whose slices its retriever's read prepares before they are read (an {@code AsyncRetriever}
 * runs a job per slice and hands a slice on once its job completed). The slices are the cursor's own, so the
 * cursor observes, closes and checkpoints them as always; only when they come is the retriever's to say.
 */
final class PreparedSlicesCursor implements StreamCursor {

    private final StreamCursor cursor;
    private final RetrieverRead read;

    PreparedSlicesCursor(StreamCursor cursor, RetrieverRead read) {
        this.cursor = cursor;
        this.read = read;
    }

    @Override
    public void slices(Consumer<StreamSlice> out) {
        read.slices(cursor::slices, out);
    }

    @Override
    public void observe(StreamSlice slice, ObjectNode record) {
        cursor.observe(slice, record);
    }

    @Override
    public Optional<StreamState> close(StreamSlice slice) {
        return cursor.close(slice);
    }

    @Override
    public StreamState finalState() {
        return cursor.finalState();
    }

    @Override
    public StreamState state() {
        return cursor.state();
    }

    @Override
    public boolean singleSlice() {
        return cursor.singleSlice();
    }

    @Override
    public boolean shouldBeSynced(StreamSlice slice, ObjectNode record) {
        return cursor.shouldBeSynced(slice, record);
    }
}
