package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.SyncMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to read: the sync mode, the state to resume from (empty for a first sync) and, when reading for a
 * configured catalog, the user's choices for the stream.
 */
public record ReadRequest(SyncMode syncMode, StreamState state, @Nullable ConfiguredAirbyteStream configured) {

    public ReadRequest {
        requireNonNull(syncMode, "syncMode is null");
        requireNonNull(state, "state is null");
    }

    public static ReadRequest fullRefresh() {
        return new ReadRequest(SyncMode.FULL_REFRESH, StreamState.empty(), null);
    }

    public static ReadRequest incremental(StreamState state) {
        return new ReadRequest(SyncMode.INCREMENTAL, state, null);
    }

    /** The cursor field the user configured, if any. */
    public List<String> configuredCursorField() {
        return configured == null || configured.cursorField() == null ? List.of() : configured.cursorField();
    }
}
