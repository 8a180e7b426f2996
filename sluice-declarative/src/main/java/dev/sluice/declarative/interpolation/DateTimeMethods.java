package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.PythonDate;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Strftime;
import dev.sluice.declarative.datetime.Timedelta;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Methods of {@code datetime}, {@code date} and {@code timedelta} values. */
final class DateTimeMethods {

    private DateTimeMethods() {
    }

    static Object call(Object owner, String name, Args args) {
        if (owner instanceof Timedelta) {
            args.bind(name, 0);
            return ((Timedelta) owner).totalSeconds();
        }
        if (owner instanceof LocalDate) {
            return date((LocalDate) owner, name, args);
        }
        PythonDateTime value = (PythonDateTime) owner;
        switch (name) {
            case "strftime":
                return Strftime.format(value, StrMethods.string(args.bind(name, 1, "format")[0]));
            case "isoformat": {
                @Nullable Object[] bound = args.bind(name, 0, "sep", "timespec");
                String separator = bound[0] == null ? "T" : StrMethods.string(bound[0]);
                if (PyStrings.length(separator) != 1) {
                    throw PyErrors.typeError("isoformat() argument 1 must be a unicode character, not str");
                }
                return value.isoformat(separator, bound[1] == null ? "auto" : StrMethods.string(bound[1]));
            }
            case "timestamp":
                args.bind(name, 0);
                return value.timestamp();
            case "date":
                args.bind(name, 0);
                return value.dateTime().toLocalDate();
            case "weekday":
                args.bind(name, 0);
                return (long) value.dateTime().getDayOfWeek().ordinal();
            case "isoweekday":
                args.bind(name, 0);
                return (long) value.dateTime().getDayOfWeek().getValue();
            case "utcoffset":
                args.bind(name, 0);
                return value.offset() == null ? PyNone.NONE : Timedelta.ofSeconds(value.offset().getTotalSeconds());
            case "astimezone":
                // The only timezone a template can name is UTC: Python's no-argument form means the machine's
                // zone, which the reference's containers set to UTC.
                args.bind(name, 0);
                return PythonDateTime.ofInstant(value.toInstant());
            default:
                return replace(value, args);
        }
    }

    private static Object date(LocalDate value, String name, Args args) {
        switch (name) {
            case "strftime":
                return Strftime.format(value, StrMethods.string(args.bind(name, 1, "format")[0]));
            case "isoformat":
                args.bind(name, 0);
                return PythonDate.isoformat(value);
            case "weekday":
                args.bind(name, 0);
                return (long) value.getDayOfWeek().ordinal();
            case "isoweekday":
                args.bind(name, 0);
                return (long) value.getDayOfWeek().getValue();
            default: {
                @Nullable Object[] bound = args.bind("replace", 0, "year", "month", "day");
                try {
                    return LocalDate.of(field(bound[0], value.getYear()), field(bound[1], value.getMonthValue()),
                            field(bound[2], value.getDayOfMonth()));
                } catch (DateTimeException e) {
                    throw PyErrors.valueError("day is out of range for month");
                }
            }
        }
    }

    /** {@code replace(year=.., ..., tzinfo=None)}: {@code tzinfo=None} makes the value naive. */
    private static Object replace(PythonDateTime value, Args args) {
        @Nullable Object[] bound = args.bind("replace", 0, "year", "month", "day", "hour", "minute", "second", "microsecond",
                "tzinfo");
        LocalDateTime t = value.dateTime();
        @Nullable ZoneOffset offset = value.offset();
        if (bound[7] != null) {
            if (bound[7] != PyNone.NONE) {
                throw PyErrors.typeError("tzinfo argument must be None or of a tzinfo subclass, not type '"
                        + Py.typeName(bound[7]) + "'");
            }
            offset = null;
        }
        try {
            LocalDateTime replaced = LocalDateTime.of(field(bound[0], t.getYear()), field(bound[1], t.getMonthValue()),
                    field(bound[2], t.getDayOfMonth()), field(bound[3], t.getHour()), field(bound[4], t.getMinute()),
                    field(bound[5], t.getSecond()), field(bound[6], t.getNano() / 1000) * 1000);
            return new PythonDateTime(replaced, offset);
        } catch (DateTimeException e) {
            throw PyErrors.valueError(e.getMessage() == null ? "invalid datetime field" : e.getMessage());
        }
    }

    private static int field(@Nullable Object value, int current) {
        if (value == null) {
            return current;
        }
        long number = Py.toLong(value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw PyErrors.valueError("Python int too large to convert to C int");
        }
        return (int) number;
    }
}
