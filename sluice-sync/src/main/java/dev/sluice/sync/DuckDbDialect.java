package dev.sluice.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB: typed columns, JSON as DuckDB's JSON type, rows through the Appender. */
final class DuckDbDialect implements Dialect {

    @Override
    public String displayName() {
        return "DuckDB";
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case JSON -> "JSON";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
        };
    }

    @Override
    public boolean indexesPrimaryKeys() {
        return false;
    }

    @Override
    public RowWriter writer(Connection connection, String table, List<Column> columns, boolean sequenced)
            throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        return new AppenderWriter(duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
    }

    /** The Appender joins the connection's open transaction (one must have been begun by a statement). */
    private static final class AppenderWriter implements RowWriter {

        private final DuckDBAppender appender;

        AppenderWriter(DuckDBAppender appender) {
            this.appender = appender;
        }

        @Override
        public void beginRow() throws SQLException {
            appender.beginRow();
        }

        @Override
        public void writeNull() throws SQLException {
            appender.appendNull();
        }

        @Override
        public void writeText(String value) throws SQLException {
            appender.append(value);
        }

        @Override
        public void writeLong(long value) throws SQLException {
            appender.append(value);
        }

        @Override
        public void writeDouble(double value) throws SQLException {
            appender.append(value);
        }

        @Override
        public void writeBoolean(boolean value) throws SQLException {
            appender.append(value);
        }

        @Override
        public void writeJson(String json) throws SQLException {
            appender.append(json);
        }

        @Override
        public void writeUuid(long mostSignificant, long leastSignificant) throws SQLException {
            appender.appendUUID(mostSignificant, leastSignificant);
        }

        @Override
        public void writeTimestampMicros(long micros) throws SQLException {
            appender.appendEpochMicros(micros);
        }

        @Override
        public void endRow() throws SQLException {
            appender.endRow();
        }

        @Override
        public void flush() throws SQLException {
            appender.flush();
        }

        @Override
        public void close() throws SQLException {
            appender.close();
        }
    }
}
