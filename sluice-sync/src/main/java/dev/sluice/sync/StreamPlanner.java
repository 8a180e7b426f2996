package dev.sluice.sync;

import dev.sluice.source.Stream;
import dev.sluice.source.StreamState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides each stream's {@link StreamPlan} from its definition and its row in {@code _sluice_state}. */
final class StreamPlanner {

    private static final Logger log = LoggerFactory.getLogger(StreamPlanner.class);

    private final Dialect dialect;
    private final Tables tables;

    StreamPlanner(Dialect dialect, Tables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    StreamPlan plan(Stream stream, StateStore.@Nullable Entry stored, boolean fullRefresh) throws SQLException {
        String table = TableNames.forStream(stream.name());
        List<Column> columns = SchemaColumns.of(stream.jsonSchema(), dialect.maxIdentifierLength());
        boolean incremental = !stream.cursorField().isEmpty();
        List<String> key = keyColumns(stream, columns);
        String cursor = stream.cursorField().size() == 1 ? columnOf(stream.cursorField().get(0), columns) : null;
        StreamPlan.Mode mode = !incremental ? StreamPlan.Mode.FULL_REFRESH
                : key.isEmpty() ? StreamPlan.Mode.INCREMENTAL_APPEND : StreamPlan.Mode.INCREMENTAL_DEDUP;

        boolean replace;
        boolean resume = false;
        StreamState incoming = StreamState.empty();
        if (fullRefresh) {
            replace = true;
        } else if (stored != null && stored.staging()) {
            // An interrupted full refresh (or reset) goes on: from its committed state into its staging table,
            // or from scratch when nothing was committed yet.
            replace = true;
            if (stored.state() != null && tables.exists(TableNames.staging(table))) {
                resume = true;
                incoming = stored.state();
            }
        } else if (incremental) {
            replace = false;
            if (stored != null && stored.state() != null) {
                incoming = stored.state();
            }
        } else {
            // A full refresh that completed starts over, whatever its final state says.
            replace = true;
        }
        return new StreamPlan(Sync.configure(stream, mode, replace), table, mode, replace, resume, columns,
                mode == StreamPlan.Mode.INCREMENTAL_DEDUP ? key : List.of(), cursor, incoming);
    }

    private static List<String> keyColumns(Stream stream, List<Column> columns) {
        List<String> key = new ArrayList<>();
        for (List<String> path : stream.primaryKey().paths()) {
            String column = path.size() == 1 ? columnOf(path.get(0), columns) : null;
            if (column == null) {
                log.warn("Stream {}: the primary key {} is not a top-level property of the schema; its records are "
                        + "appended without deduplication", stream.name(), stream.primaryKey().paths());
                return List.of();
            }
            key.add(column);
        }
        return key;
    }

    private static @Nullable String columnOf(String field, List<Column> columns) {
        for (Column column : columns) {
            if (field.equals(column.field())) {
                return column.name();
            }
        }
        return null;
    }
}
