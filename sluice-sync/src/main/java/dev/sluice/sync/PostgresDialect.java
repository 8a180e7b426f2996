package dev.sluice.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.jspecify.annotations.Nullable;

/** PostgreSQL: JSON as {@code jsonb}, rows through {@code COPY ... FROM STDIN} in text format. */
final class PostgresDialect implements Dialect {

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String sqlType(ColumnType type) {
        return switch (type) {
            case STRING -> "TEXT";
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case JSON -> "JSONB";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
        };
    }

    @Override
    public RowWriter writer(Connection connection, String table, List<Column> columns, boolean sequenced)
            throws SQLException {
        StringJoiner names = new StringJoiner(", ", "COPY " + quote(table) + " (", ") FROM STDIN");
        columns.forEach(column -> names.add(quote(column.name())));
        if (sequenced) {
            names.add(quote(TableNames.SEQUENCE_COLUMN));
        }
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI(), names.toString());
    }

    /** Encodes rows as COPY text and streams them in chunks; a flush ends the COPY so statements can run. */
    private static final class CopyWriter implements RowWriter {

        private static final int CHUNK_CHARS = 1 << 20;

        private final CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder(CHUNK_CHARS + 4096);
        private @Nullable CopyIn open;
        private boolean firstInRow;
        private long lastMicros = Long.MIN_VALUE;
        private String lastTimestamp = "";

        CopyWriter(CopyManager copy, String sql) {
            this.copy = copy;
            this.sql = sql;
        }

        @Override
        public void beginRow() {
            firstInRow = true;
        }

        private void separator() {
            if (!firstInRow) {
                buffer.append('\t');
            }
            firstInRow = false;
        }

        @Override
        public void writeNull() {
            separator();
            buffer.append("\\N");
        }

        @Override
        public void writeText(String value) {
            separator();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    case '\t' -> buffer.append("\\t");
                    case '\0' -> { } // PostgreSQL text cannot hold NUL
                    default -> buffer.append(c);
                }
            }
        }

        @Override
        public void writeLong(long value) {
            separator();
            buffer.append(value);
        }

        @Override
        public void writeDouble(double value) {
            separator();
            buffer.append(value);
        }

        @Override
        public void writeBoolean(boolean value) {
            separator();
            buffer.append(value ? 't' : 'f');
        }

        @Override
        public void writeJson(String json) {
            writeText(json.contains("\\u0000") ? withoutNulEscapes(json) : json);
        }

        /** jsonb refuses the NUL escape (backslash, u0000); every backslash in JSON text starts an escape. */
        private static String withoutNulEscapes(String json) {
            StringBuilder out = new StringBuilder(json.length());
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '\\' && i + 1 < json.length()) {
                    if (json.startsWith("u0000", i + 1)) {
                        i += 5;
                        continue;
                    }
                    out.append(c).append(json.charAt(++i));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public void writeUuid(long mostSignificant, long leastSignificant) {
            separator();
            buffer.append(new java.util.UUID(mostSignificant, leastSignificant));
        }

        @Override
        public void writeTimestampMicros(long micros) {
            if (micros != lastMicros) {
                lastMicros = micros;
                lastTimestamp = java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS).toString();
            }
            separator();
            buffer.append(lastTimestamp);
        }

        @Override
        public void endRow() throws SQLException {
            buffer.append('\n');
            if (buffer.length() >= CHUNK_CHARS) {
                send();
            }
        }

        private void send() throws SQLException {
            if (buffer.length() == 0) {
                return;
            }
            if (open == null) {
                open = copy.copyIn(sql);
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            open.writeToCopy(bytes, 0, bytes.length);
        }

        @Override
        public void flush() throws SQLException {
            send();
            if (open != null) {
                CopyIn ending = open;
                open = null;
                ending.endCopy();
            }
        }

        @Override
        public void close() throws SQLException {
            buffer.setLength(0);
            if (open != null && open.isActive()) {
                CopyIn cancelling = open;
                open = null;
                cancelling.cancelCopy();
            }
        }
    }
}
