package dev.sluice.declarative.datetime;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} as CPython on glibc does it: Python itself expands {@code %f}, {@code %z} and
 * {@code %Z}; everything else follows glibc, including its flags ({@code %-d}, {@code %_d}, {@code %^a}), field
 * widths ({@code %10Y}), unpadded years below 1000 and unknown directives copied through unchanged. {@code %s} is
 * the epoch of the wall-clock fields read as UTC (the reference runs with {@code TZ=UTC}).
 */
public final class Strftime {

    private static final int MAX_WIDTH = 1024;

    private Strftime() {
    }

    public static String format(OffsetDateTime value, String format) {
        return format(PythonDateTime.of(value), format);
    }

    /** A {@code date} formats as midnight with no offset ({@code %H} is {@code 00}, {@code %z} empty). */
    public static String format(LocalDate value, String format) {
        return format(PythonDateTime.naive(value.atStartOfDay()), format);
    }

    public static String format(PythonDateTime value, String format) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            char flag = 0;
            if ("-_0^#".indexOf(format.charAt(i)) >= 0 && i + 1 < format.length()) {
                flag = format.charAt(i++);
            }
            int width = -1;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = Math.max(width, 0) * 10 + (format.charAt(i++) - '0');
                if (width > MAX_WIDTH) {
                    throw DatetimeErrors.valueError("strftime field width above " + MAX_WIDTH + " in '" + format + "'");
                }
            }
            if (i < format.length() && (format.charAt(i) == 'E' || format.charAt(i) == 'O')) {
                i++; // glibc's alternative-representation modifiers change nothing in the C locale
            }
            if (i >= format.length()) {
                out.append(format, start, format.length());
                break;
            }
            char directive = format.charAt(i++);
            if (!appendDirective(out, value, directive, flag, width)) {
                out.append(format, start, i);
            }
        }
        return out.toString();
    }

    private static boolean appendDirective(StringBuilder out, PythonDateTime value, char directive, char flag, int width) {
        LocalDateTime t = value.dateTime();
        switch (directive) {
            case 'a': return text(out, DateNames.shortName(DateNames.DAYS.get(t.getDayOfWeek().ordinal())), flag, width);
            case 'A': return text(out, DateNames.DAYS.get(t.getDayOfWeek().ordinal()), flag, width);
            case 'b':
            case 'h': return text(out, DateNames.shortName(DateNames.MONTHS.get(t.getMonthValue() - 1)), flag, width);
            case 'B': return text(out, DateNames.MONTHS.get(t.getMonthValue() - 1), flag, width);
            case 'p': return text(out, t.getHour() < 12 ? "AM" : "PM", flag, width);
            case 'P': return text(out, t.getHour() < 12 ? "am" : "pm", flag, width);
            case 'c': return text(out, format(value, "%a %b %e %H:%M:%S %Y"), flag, width);
            case 'x':
            case 'D': return text(out, format(value, "%m/%d/%y"), flag, width);
            case 'X':
            case 'T': return text(out, format(value, "%H:%M:%S"), flag, width);
            case 'F': return text(out, format(value, "%Y-%m-%d"), flag, width);
            case 'r': return text(out, format(value, "%I:%M:%S %p"), flag, width);
            case 'R': return text(out, format(value, "%H:%M"), flag, width);
            case 'n': return text(out, "\n", flag, width);
            case 't': return text(out, "\t", flag, width);
            case '%': return text(out, "%", flag, width);
            case 'z': return text(out, value.offset() == null ? "" : zText(value.offset()), flag, width);
            case 'Z': return text(out, value.offset() == null ? "" : PythonDateTime.tzname(value.offset()), flag, width);
            case 'Y': return number(out, t.getYear(), 1, flag, width);
            case 'C': return number(out, Math.floorDiv(t.getYear(), 100), 1, flag, width);
            case 'y': return number(out, Math.floorMod(t.getYear(), 100), 2, flag, width);
            case 'G': return number(out, t.get(IsoFields.WEEK_BASED_YEAR), 1, flag, width);
            case 'g': return number(out, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, flag, width);
            case 'V': return number(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, flag, width);
            case 'm': return number(out, t.getMonthValue(), 2, flag, width);
            case 'd': return number(out, t.getDayOfMonth(), 2, flag, width);
            case 'e': return number(out, t.getDayOfMonth(), 2, flag == 0 ? '_' : flag, width);
            case 'j': return number(out, t.getDayOfYear(), 3, flag, width);
            case 'H': return number(out, t.getHour(), 2, flag, width);
            case 'k': return number(out, t.getHour(), 2, flag == 0 ? '_' : flag, width);
            case 'I': return number(out, hour12(t), 2, flag, width);
            case 'l': return number(out, hour12(t), 2, flag == 0 ? '_' : flag, width);
            case 'M': return number(out, t.getMinute(), 2, flag, width);
            case 'S': return number(out, t.getSecond(), 2, flag, width);
            case 'u': return number(out, t.getDayOfWeek().getValue(), 1, flag, width);
            case 'w': return number(out, t.getDayOfWeek().getValue() % 7, 1, flag, width);
            case 'U': return number(out, (t.getDayOfYear() - 1 + 7 - t.getDayOfWeek().getValue() % 7) / 7, 2, flag, width);
            case 'W': return number(out, (t.getDayOfYear() - 1 + 7 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, 2, flag, width);
            case 's': return text(out, Long.toString(t.toEpochSecond(ZoneOffset.UTC)), flag, width);
            case 'f': return number(out, t.get(ChronoField.MICRO_OF_SECOND), 6, flag, width);
            default: return false;
        }
    }

    private static int hour12(LocalDateTime t) {
        int hour = t.getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    /** Python's {@code %z}: {@code +HHMM}, with seconds (and microseconds) only when the offset has them. */
    static String zText(ZoneOffset offset) {
        return PythonDateTime.offsetText(offset, "");
    }

    private static boolean text(StringBuilder out, String value, char flag, int width) {
        String shown = flag == '^' || flag == '#' ? value.toUpperCase(Locale.ROOT) : value;
        if (width > shown.length()) {
            out.append((flag == '0' ? "0" : " ").repeat(width - shown.length()));
        }
        out.append(shown);
        return true;
    }

    private static boolean number(StringBuilder out, long value, int defaultWidth, char flag, int width) {
        String digits = Long.toString(Math.abs(value));
        int size = flag == '-' ? 0 : Math.max(width, defaultWidth);
        char pad = flag == '_' ? ' ' : '0';
        if (value < 0) {
            out.append('-');
            size--;
        }
        for (int n = digits.length(); n < size; n++) {
            out.append(pad);
        }
        out.append(digits);
        return true;
    }
}
