package dev.sluice.sync;

import java.sql.SQLException;

/**
 * Bulk-writes rows into one table, inside the connection's current transaction: values are given column by
 * column in the table's order, between {@link #beginRow()} and {@link #endRow()}. Implementations buffer; only
 * {@link #flush()} guarantees that the rows are in the table (still uncommitted). Not thread-safe.
 *
 * <p>Seven value methods rather than one taking {@code Object}: no boxing on the hot path, and each database
 * writes each type its own fastest way (DuckDB's Appender, PostgreSQL's {@code COPY} text, SQLite batches).
 */
interface RowWriter extends AutoCloseable {

    void beginRow() throws SQLException;

    void writeNull() throws SQLException;

    void writeText(String value) throws SQLException;

    void writeLong(long value) throws SQLException;

    void writeDouble(double value) throws SQLException;

    void writeBoolean(boolean value) throws SQLException;

    /** A JSON document as text (objects, arrays, and scalars of JSON columns). */
    void writeJson(String json) throws SQLException;

    /** A UUID by its two halves (DuckDB appends it without building a string). */
    void writeUuid(long mostSignificant, long leastSignificant) throws SQLException;

    /** Microseconds since the epoch, UTC. */
    void writeTimestampMicros(long micros) throws SQLException;

    void endRow() throws SQLException;

    /** Sends the buffered rows into the table; they stay uncommitted. */
    void flush() throws SQLException;

    /** Releases the writer; rows not flushed are lost. */
    @Override
    void close() throws SQLException;
}
