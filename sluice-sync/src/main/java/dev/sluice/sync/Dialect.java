package dev.sluice.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between the supported databases: type names, how to list a table's columns, the fastest bulk
 * writer, and the one statement whose portable form would be slow. Everything else the loader writes is
 * SQL that DuckDB, PostgreSQL and SQLite all accept.
 */
sealed interface Dialect permits DuckDbDialect, PostgresDialect, SqliteDialect {

    /** A name for messages: "DuckDB", "PostgreSQL", "SQLite". */
    String displayName();

    String sqlType(ColumnType type);

    /**
     * The longest identifier in bytes (PostgreSQL silently cuts longer ones). SQLite has no limit and keeps the
     * default, so that its names also fit PostgreSQL and a database can move.
     */
    default int maxIdentifierLength() {
        return 63;
    }

    /** The query listing a table's columns in order: one parameter (the table), rows (name, type). */
    default String columnsQuery() {
        return "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? ORDER BY ordinal_position";
    }

    RowWriter writer(Connection connection, String table, List<Column> columns, boolean sequenced)
            throws SQLException;

    /** Whether to index the primary key of deduplicated tables (row stores; DuckDB joins by hashing). */
    default boolean indexesPrimaryKeys() {
        return true;
    }

    /**
     * Deletes the rows of {@code target} that a row of {@code batch} with the same key replaces.
     *
     * @param keyMatch the join condition between {@code t} (target) and {@code b} (batch)
     * @param newer when the batch row wins, over {@code t} and {@code b}
     */
    default String deleteReplaced(String target, String batch, String keyMatch, String newer) {
        return "DELETE FROM " + quote(target) + " AS t USING " + quote(batch) + " AS b WHERE " + keyMatch
                + " AND " + newer;
    }

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Reads a type name back from the catalog; unknown types are written as text. */
    default ColumnType columnType(String typeName) {
        String type = typeName.toUpperCase(Locale.ROOT);
        if (type.equals("BIGINT") || type.equals("INTEGER") || type.equals("INT8") || type.equals("INT")) {
            return ColumnType.INTEGER;
        }
        if (type.startsWith("DOUBLE") || type.equals("FLOAT8") || type.equals("REAL") || type.equals("FLOAT")) {
            return ColumnType.NUMBER;
        }
        if (type.startsWith("BOOL")) {
            return ColumnType.BOOLEAN;
        }
        if (type.startsWith("JSON")) {
            return ColumnType.JSON;
        }
        if (type.startsWith("UUID")) {
            return ColumnType.UUID;
        }
        if (type.startsWith("TIMESTAMP")) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }
}
