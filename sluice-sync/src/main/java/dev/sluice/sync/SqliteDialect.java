package dev.sluice.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.StringJoiner;

/**
 * SQLite: type names chosen for their affinity ({@code JSON_TEXT} is TEXT, so that {@code '"12"'} stays text),
 * booleans as 0/1, timestamps as ISO-8601 text, rows through batched inserts in the open transaction.
 */
final class SqliteDialect implements Dialect {

    @Override
    public String displayName() {
        return "SQLite";
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "TEXT";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case JSON -> "JSON_TEXT";
            case TIMESTAMP -> "TIMESTAMP_TEXT";
            case UUID -> "UUID_TEXT";
        };
    }

    @Override
    public String columnsQuery() {
        return "SELECT name, type FROM pragma_table_info(?) ORDER BY cid";
    }

    @Override
    public String deleteReplaced(String target, String batch, String keyMatch, String newer) {
        // SQLite has no DELETE ... USING; a join by rowid keeps it one pass over the batch.
        return "DELETE FROM " + quote(target) + " WHERE rowid IN (SELECT t.rowid FROM " + quote(batch)
                + " AS b JOIN " + quote(target) + " AS t ON " + keyMatch + " WHERE " + newer + ")";
    }

    @Override
    public RowWriter writer(Connection connection, String table, List<Column> columns, boolean sequenced)
            throws SQLException {
        StringJoiner names = new StringJoiner(", ", "INSERT INTO " + quote(table) + " (", ")");
        StringJoiner marks = new StringJoiner(", ", " VALUES (", ")");
        columns.forEach(column -> {
            names.add(quote(column.name()));
            marks.add("?");
        });
        if (sequenced) {
            names.add(quote(TableNames.SEQUENCE_COLUMN));
            marks.add("?");
        }
        return new BatchWriter(connection.prepareStatement(names + marks.toString()));
    }

    private static final class BatchWriter implements RowWriter {

        private static final int BATCH_ROWS = 1000;

        private final PreparedStatement insert;
        private int parameter;
        private int pending;

        BatchWriter(PreparedStatement insert) {
            this.insert = insert;
        }

        @Override
        public void beginRow() {
            parameter = 0;
        }

        @Override
        public void writeNull() throws SQLException {
            insert.setNull(++parameter, Types.NULL);
        }

        @Override
        public void writeText(String value) throws SQLException {
            insert.setString(++parameter, value);
        }

        @Override
        public void writeLong(long value) throws SQLException {
            insert.setLong(++parameter, value);
        }

        @Override
        public void writeDouble(double value) throws SQLException {
            insert.setDouble(++parameter, value);
        }

        @Override
        public void writeBoolean(boolean value) throws SQLException {
            insert.setInt(++parameter, value ? 1 : 0);
        }

        @Override
        public void writeJson(String json) throws SQLException {
            insert.setString(++parameter, json);
        }

        @Override
        public void writeUuid(long mostSignificant, long leastSignificant) throws SQLException {
            insert.setString(++parameter, new java.util.UUID(mostSignificant, leastSignificant).toString());
        }

        @Override
        public void writeTimestampMicros(long micros) throws SQLException {
            insert.setString(++parameter,
                    java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS).toString());
        }

        @Override
        public void endRow() throws SQLException {
            insert.addBatch();
            if (++pending >= BATCH_ROWS) {
                flush();
            }
        }

        @Override
        public void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
