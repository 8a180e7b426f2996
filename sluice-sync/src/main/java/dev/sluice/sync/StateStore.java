package dev.sluice.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code _sluice_state} table: per stream, the last committed state and whether a full refresh is loading
 * into its staging table. Written only inside the loader's transactions, next to the records it covers.
 *
 * <pre>{@code stream TEXT, table_name TEXT, state TEXT (JSON), staging BOOLEAN, updated_at TEXT}</pre>
 */
final class StateStore {

    /** A stream's row: {@code state} is null when the next read starts from scratch. */
    record Entry(String stream, String table, @Nullable StreamState state, boolean staging) {
    }

    private final Database database;
    private final String table;

    StateStore(Database database) {
        this.database = database;
        this.table = database.quote(TableNames.STATE_TABLE);
    }

    void create() throws SQLException {
        Dialect dialect = database.dialect();
        database.execute("CREATE TABLE IF NOT EXISTS " + table + " (stream " + dialect.sqlType(ColumnType.STRING)
                + " NOT NULL, table_name " + dialect.sqlType(ColumnType.STRING) + ", state "
                + dialect.sqlType(ColumnType.STRING) + ", staging " + dialect.sqlType(ColumnType.BOOLEAN)
                + " NOT NULL, updated_at " + dialect.sqlType(ColumnType.STRING) + ")");
    }

    Map<String, Entry> load() throws SQLException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (PreparedStatement query = database.connection().prepareStatement(
                "SELECT stream, table_name, state, staging FROM " + table);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String stream = rows.getString(1);
                entries.put(stream, new Entry(stream, rows.getString(2), parse(rows.getString(3)),
                        rows.getBoolean(4)));
            }
        }
        return entries;
    }

    /** Updates the stream's row in the current transaction, inserting it the first time. */
    void save(Entry entry) throws SQLException {
        // UPDATE-then-INSERT rather than an upsert: no key constraint for DuckDB to trip over within one transaction.
        String state = entry.state() == null ? null : Json.write(entry.state().json());
        String now = Instant.now().toString();
        try (PreparedStatement update = database.connection().prepareStatement("UPDATE " + table
                + " SET table_name = ?, state = ?, staging = ?, updated_at = ? WHERE stream = ?")) {
            update.setString(1, entry.table());
            update.setString(2, state);
            update.setBoolean(3, entry.staging());
            update.setString(4, now);
            update.setString(5, entry.stream());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = database.connection().prepareStatement("INSERT INTO " + table
                + " (stream, table_name, state, staging, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.stream());
            insert.setString(2, entry.table());
            insert.setString(3, state);
            insert.setBoolean(4, entry.staging());
            insert.setString(5, now);
            insert.executeUpdate();
        }
    }

    private static @Nullable StreamState parse(@Nullable String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return StreamState.of(Json.parse(json));
        } catch (JsonProcessingException e) {
            throw new SQLException("The state in " + TableNames.STATE_TABLE + " is not JSON: " + json, e);
        }
    }
}
