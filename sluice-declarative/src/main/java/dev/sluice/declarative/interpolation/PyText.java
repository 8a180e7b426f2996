package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDate;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.PythonFloat;
import dev.sluice.declarative.datetime.Timedelta;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Python's {@code str()} and {@code repr()} of evaluator values, which is how Jinja renders them. */
final class PyText {

    private static final int MAX_INT_DIGITS = 4300;

    private PyText() {
    }

    static String str(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Undefined) {
            return "";
        }
        if (value instanceof PythonDateTime || value instanceof Timedelta || value instanceof IsoDuration) {
            return value.toString();
        }
        if (value instanceof LocalDate) {
            return PythonDate.isoformat((LocalDate) value);
        }
        return repr(value);
    }

    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value, 0);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value, int depth) {
        if (depth > 1_000) {
            throw PyErrors.valueError("maximum recursion depth exceeded while getting the repr of an object");
        }
        Limits.checkString(out.length());
        if (value instanceof String) {
            appendQuoted(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "True" : "False");
        } else if (value instanceof Long) {
            out.append((long) (Long) value);
        } else if (value instanceof BigInteger) {
            String digits = value.toString();
            if (digits.length() > MAX_INT_DIGITS + 1) {
                throw PyErrors.valueError("Exceeds the limit (4300 digits) for integer string conversion");
            }
            out.append(digits);
        } else if (value instanceof Double) {
            out.append(PythonFloat.repr((Double) value));
        } else if (value instanceof PySequence) {
            appendSequence(out, (PySequence) value, depth);
        } else if (value instanceof PyMapping) {
            PyMapping mapping = (PyMapping) value;
            out.append('{');
            boolean first = true;
            for (Object key : mapping.keys()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, key, depth + 1);
                out.append(": ");
                Object item = mapping.get(key);
                appendRepr(out, item == null ? PyNone.NONE : item, depth + 1);
            }
            out.append('}');
        } else if (value instanceof PythonDateTime) {
            out.append(dateTimeRepr((PythonDateTime) value));
        } else if (value instanceof LocalDate) {
            LocalDate date = (LocalDate) value;
            out.append("datetime.date(").append(date.getYear()).append(", ").append(date.getMonthValue())
                    .append(", ").append(date.getDayOfMonth()).append(')');
        } else if (value instanceof Timedelta) {
            out.append(timedeltaRepr((Timedelta) value));
        } else if (value instanceof LazySequence) {
            out.append(((LazySequence) value).render());
        } else if (value instanceof Undefined) {
            out.append("Undefined");
        } else {
            out.append(value);
        }
    }

    private static void appendSequence(StringBuilder out, PySequence sequence, int depth) {
        boolean tuple = sequence.isTuple();
        out.append(tuple ? '(' : '[');
        int size = sequence.size();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendRepr(out, sequence.get(i), depth + 1);
        }
        if (tuple && size == 1) {
            out.append(',');
        }
        out.append(tuple ? ')' : ']');
    }

    /** Python's choice of quotes and escapes, keeping printable non-ASCII characters as they are. */
    static void appendQuoted(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one character. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static String dateTimeRepr(PythonDateTime value) {
        LocalDateTime t = value.dateTime();
        StringBuilder out = new StringBuilder("datetime.datetime(").append(t.getYear()).append(", ")
                .append(t.getMonthValue()).append(", ").append(t.getDayOfMonth()).append(", ").append(t.getHour())
                .append(", ").append(t.getMinute());
        int micros = t.getNano() / 1000;
        if (t.getSecond() != 0 || micros != 0) {
            out.append(", ").append(t.getSecond());
        }
        if (micros != 0) {
            out.append(", ").append(micros);
        }
        ZoneOffset offset = value.offset();
        if (offset != null) {
            out.append(", tzinfo=").append(offset.getTotalSeconds() == 0 ? "datetime.timezone.utc"
                    : "datetime.timezone(datetime.timedelta(seconds=" + offset.getTotalSeconds() + "))");
        }
        return out.append(')').toString();
    }

    private static String timedeltaRepr(Timedelta value) {
        StringBuilder out = new StringBuilder("datetime.timedelta(");
        String separator = "";
        if (value.days() != 0) {
            out.append("days=").append(value.days());
            separator = ", ";
        }
        if (value.seconds() != 0) {
            out.append(separator).append("seconds=").append(value.seconds());
            separator = ", ";
        }
        if (value.micros() != 0) {
            out.append(separator).append("microseconds=").append(value.micros());
            separator = ", ";
        }
        if (separator.isEmpty()) {
            out.append('0');
        }
        return out.append(')').toString();
    }
}
