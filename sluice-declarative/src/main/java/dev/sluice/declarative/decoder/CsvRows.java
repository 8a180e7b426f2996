package dev.sluice.declarative.decoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code csv.reader} with the default (excel) dialect and one delimiter: fields may be quoted with
 * {@code "}, a doubled quote inside quotes is a quote, quoted fields may hold delimiters and newlines, and
 * characters after a closing quote are kept (Python's non-strict mode). Newlines were already made {@code \n}
 * (Python reads the text in universal-newline mode). A blank line is an empty row.
 */
final class CsvRows {

    private enum State { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD }

    private CsvRows() {
    }

    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        State state = State.START_RECORD;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case START_RECORD:
                    if (c == '\n') {
                        rows.add(List.of());
                        break;
                    }
                    state = State.START_FIELD;
                    // fall through: the character starts the first field
                case START_FIELD:
                    if (c == '\n') {
                        row.add("");
                        rows.add(row);
                        row = new ArrayList<>();
                        state = State.START_RECORD;
                    } else if (c == '"') {
                        state = State.IN_QUOTED_FIELD;
                    } else if (c == delimiter) {
                        row.add("");
                    } else {
                        field.append(c);
                        state = State.IN_FIELD;
                    }
                    break;
                case IN_FIELD:
                    if (c == '\n' || c == delimiter) {
                        row.add(field.toString());
                        field.setLength(0);
                        if (c == '\n') {
                            rows.add(row);
                            row = new ArrayList<>();
                            state = State.START_RECORD;
                        } else {
                            state = State.START_FIELD;
                        }
                    } else {
                        field.append(c);
                    }
                    break;
                case IN_QUOTED_FIELD:
                    if (c == '"') {
                        state = State.QUOTE_IN_QUOTED_FIELD;
                    } else {
                        field.append(c);
                    }
                    break;
                case QUOTE_IN_QUOTED_FIELD:
                    if (c == '"') {
                        field.append('"');
                        state = State.IN_QUOTED_FIELD;
                    } else if (c == delimiter || c == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        if (c == '\n') {
                            rows.add(row);
                            row = new ArrayList<>();
                            state = State.START_RECORD;
                        } else {
                            state = State.START_FIELD;
                        }
                    } else {
                        field.append(c);
                        state = State.IN_FIELD;
                    }
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        if (state != State.START_RECORD) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
