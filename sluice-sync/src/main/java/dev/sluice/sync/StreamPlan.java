package dev.sluice.sync;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.ConfiguredAirbyteStream;
import dev.sluice.source.StreamState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one stream is loaded in this sync, decided before the source starts.
 *
 * @param table the stream's table
 * @param mode how records are read and merged
 * @param replace whether the records go to the staging table, which replaces the table when the stream completes
 * @param resume whether {@code replace} continues the staging table of an interrupted sync
 * @param columns the columns of the current schema (the table may have more)
 * @param primaryKey the key columns of a deduplicated stream
 * @param cursor the cursor column, when the cursor is a top-level field; orders duplicates
 * @param incoming the state the source starts from
 */
record StreamPlan(
        ConfiguredAirbyteStream configured,
        String table,
        Mode mode,
        boolean replace,
        boolean resume,
        List<Column> columns,
        List<String> primaryKey,
        @Nullable String cursor,
        StreamState incoming) {

    /** How a stream's records reach its table. */
    enum Mode {
        FULL_REFRESH("full refresh"),
        INCREMENTAL_APPEND("incremental, append"),
        INCREMENTAL_DEDUP("incremental, deduped");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    StreamPlan {
        requireNonNull(configured, "configured is null");
        requireNonNull(table, "table is null");
        requireNonNull(mode, "mode is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        requireNonNull(incoming, "incoming is null");
    }

    String stream() {
        return configured.name();
    }

    boolean deduplicated() {
        return mode == Mode.INCREMENTAL_DEDUP;
    }

    /** Where records are written: the staging table of a replace, else the table itself. */
    String target() {
        return replace ? TableNames.staging(table) : table;
    }

    /** What the summary says about the mode, e.g. "full refresh (resumed)". */
    String describe() {
        if (mode != Mode.FULL_REFRESH && replace) {
            return mode.label() + ", reset" + (resume ? " (resumed)" : "");
        }
        return mode.label() + (resume ? " (resumed)" : "");
    }
}
