package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.util.Optional;
import java.util.function.Consumer;

/** A stream without a partition router read by one {@link DatetimeCursor}: a checkpoint after every window. */
final class DatetimeStreamCursor implements StreamCursor {

    private final DatetimeCursor cursor;

    DatetimeStreamCursor(DatetimeCursor cursor) {
        this.cursor = cursor;
    }

    @Override
    public void slices(Consumer<StreamSlice> out) {
        cursor.windows(window -> out.accept(new StreamSlice(Json.object(), window, Json.object())));
    }

    @Override
    public void observe(StreamSlice slice, ObjectNode record) {
        cursor.observe(slice, record);
    }

    @Override
    public Optional<StreamState> close(StreamSlice slice) {
        cursor.close(slice);
        return Optional.of(state());
    }

    @Override
    public StreamState finalState() {
        return state();
    }

    @Override
    public StreamState state() {
        return new StreamState(cursor.state());
    }

    @Override
    public boolean shouldBeSynced(StreamSlice slice, ObjectNode record) {
        return cursor.shouldBeSynced(record);
    }
}
