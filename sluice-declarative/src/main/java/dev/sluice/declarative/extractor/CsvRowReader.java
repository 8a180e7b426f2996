package dev.sluice.declarative.extractor;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV rows one at a time from a character stream (the Unix dialect pandas reads: {@code ,} between fields,
 * {@code "} around them, {@code ""} for a quote inside; {@code \n} or {@code \r\n} between rows). Blank lines
 * are skipped, as pandas skips them. Only one row is held at a time.
 */
final class CsvRowReader {

    private static final int END = -1;

    private final Reader in;
    private int pushedBack = -2;
    private long line = 1;
    private long rowLine = 1;

    CsvRowReader(Reader in) {
        this.in = in;
    }

    /** The line (1-based) the last row returned started on. */
    long rowLine() {
        return rowLine;
    }

    /** The next non-blank row's fields, or null at the end of the input. */
    @Nullable List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == END) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            rowLine = line;
            return row();
        }
    }

    private List<String> row() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == END) {
                    throw new IOException("CSV: a quoted field opened on line " + rowLine + " never ends");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == END || c == '\n') {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return fields;
            }
            if (c == '\r') {
                int after = read();
                if (after != '\n') {
                    unread(after);
                    field.append('\r');
                    continue;
                }
                fields.add(field.toString());
                line++;
                return fields;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
