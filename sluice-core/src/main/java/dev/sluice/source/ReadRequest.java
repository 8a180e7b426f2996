package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.protocol.SyncMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to read: the sync mode, the state to resume from (empty for a first sync), when reading for a
 * configured catalog the user's choices for the stream, and the run the read belongs to (its HTTP transport,
 * secrets and threads).
 */
public record ReadRequest(SyncMode syncMode, StreamState state, @Nullable ConfiguredAirbyteStream configured,
        RunContext run) {

    public ReadRequest {
        requireNonNull(syncMode, "syncMode is null");
        requireNonNull(state, "state is null");
        requireNonNull(run, "run is null");
    }

    public static ReadRequest fullRefresh(RunContext run) {
        return new ReadRequest(SyncMode.FULL_REFRESH, StreamState.empty(), null, run);
    }

    public static ReadRequest incremental(StreamState state, RunContext run) {
        return new ReadRequest(SyncMode.INCREMENTAL, state, null, run);
    }

    /** The cursor field the user configured, if any. */
    public List<String> configuredCursorField() {
        return configured == null || configured.cursorField() == null ? List.of() : configured.cursorField();
    }
}
