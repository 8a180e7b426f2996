package dev.sluice.declarative.datetime;

import dev.sluice.memo.BoundedMemo;
import dev.sluice.source.ConnectorException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code datetime.strptime}: the format becomes a case-insensitive regular expression built from the same
 * per-directive patterns as CPython's {@code _strptime} (so {@code %m%d} reads {@code "12"} as January 2nd, and
 * whitespace matches any run of whitespace), matched at the start, and the whole text must be consumed. Missing
 * fields default to 1900-01-01 00:00; {@code %z} accepts {@code Z}, {@code +0000}, {@code +00:00} (and seconds);
 * without {@code %z} the result is naive. Unsupported by Python, hence rejected: {@code %s}, {@code %e}, glibc flags.
 */
public final class Strptime {

    private static final int CACHE_LIMIT = 1_000;
    private static final BoundedMemo<String, CompiledFormat> COMPILED = BoundedMemo.of(CACHE_LIMIT, Strptime::compileFormat);
    private static final Map<Character, String> PATTERNS = Map.ofEntries(
            Map.entry('d', "3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]"),
            Map.entry('f', "[0-9]{1,6}"),
            Map.entry('H', "2[0-3]|[0-1]\\d|\\d"),
            Map.entry('I', "1[0-2]|0[1-9]|[1-9]"),
            Map.entry('G', "\\d\\d\\d\\d"),
            Map.entry('j', "36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]"),
            Map.entry('m', "1[0-2]|0[1-9]|[1-9]"),
            Map.entry('M', "[0-5]\\d|\\d"),
            Map.entry('S', "6[0-1]|[0-5]\\d|\\d"),
            Map.entry('U', "5[0-3]|[0-4]\\d|\\d"),
            Map.entry('W', "5[0-3]|[0-4]\\d|\\d"),
            Map.entry('V', "5[0-3]|0[1-9]|[1-4]\\d|\\d"),
            Map.entry('w', "[0-6]"),
            Map.entry('u', "[1-7]"),
            Map.entry('y', "\\d\\d"),
            Map.entry('Y', "\\d\\d\\d\\d"),
            Map.entry('z', "[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|(?-i:Z)"),
            Map.entry('Z', "utc|gmt"),
            Map.entry('a', names(true, DateNames.DAYS)),
            Map.entry('A', names(false, DateNames.DAYS)),
            Map.entry('b', names(true, DateNames.MONTHS)),
            Map.entry('B', names(false, DateNames.MONTHS)),
            Map.entry('p', "am|pm"));
    private static final Map<Character, String> COMPOSITES = Map.of(
            'c', "%a %b %d %H:%M:%S %Y", 'x', "%m/%d/%y", 'X', "%H:%M:%S");

    private Strptime() {
    }

    /** Parses or throws a {@link ConnectorException} with Python's {@code ValueError} text. */
    public static PythonDateTime parse(String text, String format) {
        CompiledFormat compiled = compile(format);
        Matcher matcher = compiled.pattern().matcher(text);
        if (!matcher.lookingAt()) {
            throw DatetimeErrors.valueError("time data '" + text + "' does not match format '" + format + "'");
        }
        if (matcher.end() != text.length()) {
            throw DatetimeErrors.valueError("unconverted data remains: " + text.substring(matcher.end()));
        }
        Fields fields = new Fields();
        for (int group = 0; group < compiled.directives().size(); group++) {
            fields.read(compiled.directives().get(group), matcher.group(group + 1));
        }
        return fields.build();
    }

    public static Optional<PythonDateTime> tryParse(String text, String format) {
        try {
            return Optional.of(parse(text, format));
        } catch (ConnectorException e) {
            return Optional.empty();
        }
    }

    private record CompiledFormat(Pattern pattern, List<Character> directives) {
    }

    private static CompiledFormat compile(String format) {
        return COMPILED.get(format);
    }

    private static CompiledFormat compileFormat(String format) {
        List<Character> directives = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        appendFormat(format, format, regex, directives);
        return new CompiledFormat(
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), List.copyOf(directives));
    }

    private static void appendFormat(String format, String whole, StringBuilder regex, List<Character> directives) {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < format.length() && Character.isWhitespace(format.charAt(i))) {
                    i++;
                }
                regex.append("\\s+");
                continue;
            }
            i++;
            if (c != '%') {
                regex.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            if (i >= format.length()) {
                throw DatetimeErrors.valueError("stray % in format '" + whole + "'");
            }
            char directive = format.charAt(i++);
            if (directive == '%') {
                regex.append('%');
            } else if (COMPOSITES.containsKey(directive)) {
                appendFormat(COMPOSITES.get(directive), whole, regex, directives);
            } else if (PATTERNS.containsKey(directive)) {
                if (directives.contains(directive)) {
                    throw DatetimeErrors.valueError("redefinition of group name '" + directive + "' in format '" + whole + "'");
                }
                directives.add(directive);
                regex.append('(').append(PATTERNS.get(directive)).append(')');
            } else {
                throw DatetimeErrors.valueError("'" + directive + "' is a bad directive in format '" + whole + "'");
            }
        }
    }

    /** Longest names first, as CPython sorts them, so that {@code %A} never stops at a prefix. */
    private static String names(boolean abbreviated, List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            shown.add((abbreviated ? DateNames.shortName(name) : name).toLowerCase(Locale.ROOT));
        }
        shown.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return String.join("|", shown);
    }

    /** The field arithmetic of CPython's {@code _strptime}, in the same order. */
    private static final class Fields {
        private @Nullable Integer year;
        private int month = 1;
        private int day = 1;
        private int hour;
        private int minute;
        private int second;
        private int micros;
        private @Nullable Integer weekday;
        private @Nullable Integer julian;
        private int weekOfYear = -1;
        private boolean weekStartsMonday;
        private @Nullable Integer isoYear;
        private @Nullable Integer isoWeek;
        private @Nullable ZoneOffset offset;
        private @Nullable String amPm;
        private @Nullable Integer hour12;

        void read(char directive, String value) {
            switch (directive) {
                case 'y': {
                    int y = Integer.parseInt(value);
                    year = y <= 68 ? y + 2000 : y + 1900;
                    break;
                }
                case 'Y': year = Integer.parseInt(value); break;
                case 'G': isoYear = Integer.parseInt(value); break;
                case 'm': month = Integer.parseInt(value); break;
                case 'B': month = indexOf(DateNames.MONTHS, value, false) + 1; break;
                case 'b': month = indexOf(DateNames.MONTHS, value, true) + 1; break;
                case 'd': day = Integer.parseInt(value.trim()); break;
                case 'H': hour = Integer.parseInt(value); break;
                case 'I': hour12 = Integer.parseInt(value); break;
                case 'p': amPm = value.toLowerCase(Locale.ROOT); break;
                case 'M': minute = Integer.parseInt(value); break;
                case 'S': second = Integer.parseInt(value); break;
                case 'f': micros = Integer.parseInt(value + "0".repeat(6 - value.length())); break;
                case 'A': weekday = indexOf(DateNames.DAYS, value, false); break;
                case 'a': weekday = indexOf(DateNames.DAYS, value, true); break;
                case 'w': weekday = (Integer.parseInt(value) + 6) % 7; break;
                case 'u': weekday = Integer.parseInt(value) - 1; break;
                case 'j': julian = Integer.parseInt(value); break;
                case 'U':
                case 'W':
                    weekOfYear = Integer.parseInt(value);
                    weekStartsMonday = directive == 'W';
                    break;
                case 'V': isoWeek = Integer.parseInt(value); break;
                case 'z': offset = parseOffset(value); break;
                default: break; // %Z only checks the name: Python keeps the result naive without %z
            }
        }

        PythonDateTime build() {
            if (hour12 != null) {
                int h = hour12;
                hour = "pm".equals(amPm) ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
            }
            if (year == null && isoYear != null && (isoWeek == null || weekday == null)) {
                throw DatetimeErrors.valueError("ISO year directive '%G' must be used with the ISO week directive '%V'"
                        + " and a weekday directive ('%A', '%a', '%w', or '%u').");
            }
            if (isoWeek != null && (year == null && isoYear == null || weekday == null)) {
                throw DatetimeErrors.valueError("ISO week directive '%V' must be used with the ISO year directive '%G'"
                        + " and a weekday directive ('%A', '%a', '%w', or '%u').");
            }
            int y = year == null ? 1900 : year;
            try {
                LocalDate date = date(y);
                LocalDateTime dateTime = LocalDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                        hour, minute, second, micros * 1000);
                return new PythonDateTime(dateTime, offset);
            } catch (DateTimeException e) {
                throw DatetimeErrors.valueError(second > 59 ? "second must be in 0..59" : "day is out of range for month");
            }
        }

        private LocalDate date(int y) {
            Integer dayOfYear = julian;
            if (dayOfYear == null && weekday != null) {
                if (weekOfYear != -1) {
                    dayOfYear = julianFromWeek(y, weekOfYear, weekday, weekStartsMonday);
                } else if (isoYear != null && isoWeek != null) {
                    return LocalDate.of(isoYear, 1, 4)
                            .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, isoWeek)
                            .with(java.time.temporal.ChronoField.DAY_OF_WEEK, weekday + 1L);
                }
                if (dayOfYear != null && dayOfYear <= 0) {
                    y -= 1;
                    dayOfYear += LocalDate.of(y, 1, 1).lengthOfYear();
                }
            }
            if (dayOfYear == null) {
                return LocalDate.of(y, month, day);
            }
            return LocalDate.of(y, 1, 1).plusDays(dayOfYear - 1L);
        }

        private static int julianFromWeek(int year, int week, int weekday, boolean weekStartsMonday) {
            int firstWeekday = LocalDate.of(year, 1, 1).getDayOfWeek().ordinal();
            int dayOfWeek = weekday;
            if (!weekStartsMonday) {
                firstWeekday = (firstWeekday + 1) % 7;
                dayOfWeek = (dayOfWeek + 1) % 7;
            }
            int week0Length = (7 - firstWeekday) % 7;
            if (week == 0) {
                return 1 + dayOfWeek - firstWeekday;
            }
            return 1 + week0Length + 7 * (week - 1) + dayOfWeek;
        }

        private static ZoneOffset parseOffset(String text) {
            if (text.equals("Z")) {
                return ZoneOffset.UTC;
            }
            String z = text;
            if (z.charAt(3) == ':') {
                z = z.substring(0, 3) + z.substring(4);
                if (z.length() > 5) {
                    if (z.charAt(5) != ':') {
                        throw DatetimeErrors.valueError("Inconsistent use of : in " + text);
                    }
                    z = z.substring(0, 5) + z.substring(6);
                }
            }
            int hours = Integer.parseInt(z.substring(1, 3));
            int minutes = Integer.parseInt(z.substring(3, 5));
            int seconds = z.length() >= 7 ? Integer.parseInt(z.substring(5, 7)) : 0;
            int total = (hours * 60 + minutes) * 60 + seconds;
            try {
                return ZoneOffset.ofTotalSeconds(z.charAt(0) == '-' ? -total : total);
            } catch (DateTimeException e) {
                throw DatetimeErrors.valueError("offset must be a timedelta strictly between -timedelta(hours=24)"
                        + " and timedelta(hours=24), not " + text);
            }
        }

        private static int indexOf(List<String> names, String value, boolean abbreviated) {
            for (int i = 0; i < names.size(); i++) {
                String name = abbreviated ? DateNames.shortName(names.get(i)) : names.get(i);
                if (name.equalsIgnoreCase(value)) {
                    return i;
                }
            }
            throw DatetimeErrors.valueError("unknown name: " + value);
        }
    }
}
