package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.DatetimeFormat;
import dev.sluice.declarative.datetime.IsoDateTimes;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Strftime;
import dev.sluice.declarative.datetime.Strptime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The CDK's macros (interpolation.md §4), with the reference's argument names for keyword calls. */
final class Macros {

    private static final String DAY_DELTA_FORMAT = "%Y-%m-%dT%H:%M:%S.%f%z";

    private Macros() {
    }

    static Object call(String name, Args args, Clock clock) {
        switch (name) {
            case "now_utc":
                args.bind(name, 0);
                return PythonDateTime.ofInstant(clock.instant());
            case "today_utc":
                args.bind(name, 0);
                return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            case "today_with_timezone":
                return todayWithTimezone(args.bind(name, 1, "timezone")[0], clock);
            case "timestamp":
                return timestamp(args.bind(name, 1, "dt")[0]);
            case "max":
            case "min":
                return extreme(name, args.positionalOnly(name));
            case "day_delta": {
                @Nullable Object[] bound = args.bind(name, 1, "num_days", "format");
                PythonDateTime shifted = shift(PythonDateTime.ofInstant(clock.instant()), dayMicros(bound[0]));
                return Strftime.format(shifted, bound[1] == null ? DAY_DELTA_FORMAT : StrMethods.string(bound[1]));
            }
            case "duration":
                return duration(args.bind(name, 1, "datestring")[0]);
            case "format_datetime": {
                @Nullable Object[] bound = args.bind(name, 2, "dt", "format", "input_format");
                return formatDatetime(bound[0], StrMethods.string(bound[1]), bound[2]);
            }
            case "str_to_datetime":
                return strToDatetime(args.bind(name, 1, "s")[0]);
            case "sanitize_url":
                return Urls.quotePlus(StrMethods.string(args.bind(name, 1, "value")[0]));
            case "camel_case_to_snake_case":
                return camelToSnake(StrMethods.string(args.bind(name, 1, "value")[0]));
            default:
                args.bind(name, 0);
                return UUID.randomUUID().toString();
        }
    }

    private static Object todayWithTimezone(Object zone, Clock clock) {
        if (zone instanceof Undefined) {
            // pytz.timezone calls zone.upper() first, which raises UndefinedError on an Undefined.
            throw ((Undefined) zone).error();
        }
        String id = StrMethods.string(zone);
        try {
            return LocalDate.ofInstant(clock.instant(), ZoneId.of(id));
        } catch (DateTimeException e) {
            throw PyErrors.valueError("UnknownTimeZoneError: '" + id + "'");
        }
    }

    /** Numbers truncate to int; strings parse as ISO-8601 (naive = UTC) and give float epoch seconds. */
    private static Object timestamp(Object value) {
        if (Py.isInt(value)) {
            return value instanceof Boolean ? (Object) Py.toLong(value) : value;
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw PyErrors.valueError("cannot convert float " + PyText.repr(value) + " to integer");
            }
            return PyArithmetic.bigInt(new BigDecimal(d).toBigInteger());
        }
        return ((PythonDateTime) strToDatetime(value)).timestamp();
    }

    private static Object strToDatetime(Object value) {
        PythonDateTime parsed;
        if (value instanceof Undefined) {
            // dateutil's isoparse first looks up value.read, which raises UndefinedError on an Undefined; so do
            // timestamp() and format_datetime() without input_format, which call str_to_datetime.
            throw ((Undefined) value).error();
        }
        if (value instanceof String) {
            parsed = IsoDateTimes.parse((String) value);
        } else if (Py.isInt(value) && !(value instanceof Boolean)) {
            parsed = IsoDateTimes.parse(PyText.str(value));
        } else {
            throw PyErrors.valueError("Could not parse datetime string: expected string or integer, got "
                    + Py.typeName(value));
        }
        return PythonDateTime.ofInstant(parsed.toInstant());
    }

    private static long dayMicros(Object days) {
        if (!Py.isNumber(days)) {
            throw PyErrors.typeError("unsupported type for timedelta days component: " + Py.typeName(days));
        }
        BigDecimal exact = days instanceof Double ? new BigDecimal((Double) days) : new BigDecimal(Py.toBigInteger(days));
        try {
            return exact.multiply(BigDecimal.valueOf(86_400_000_000L)).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw PyErrors.valueError("days=" + PyText.repr(days) + "; must have magnitude <= 999999999");
        }
    }

    private static PythonDateTime shift(PythonDateTime value, long micros) {
        try {
            return value.plusMicros(micros);
        } catch (DateTimeException e) {
            throw PyErrors.valueError("date value out of range");
        }
    }

    private static Object duration(Object text) {
        if (!(text instanceof String)) {
            throw PyErrors.typeError("Expecting a string " + PyText.repr(text));
        }
        IsoDuration duration = IsoDuration.parse((String) text);
        return duration.isTimedelta() ? duration.time() : duration;
    }

    /**
     * A datetime is formatted as it is (naive stays naive); an int is an epoch in {@code input_format} (default
     * {@code %s}); a string is read with plain {@code strptime(input_format)} or, without one, as ISO-8601
     * converted to UTC. Then the CDK formatter, which knows the epoch formats, writes it.
     */
    private static Object formatDatetime(Object value, String format, @Nullable Object inputFormat) {
        if (value instanceof PythonDateTime) {
            return Strftime.format((PythonDateTime) value, format);
        }
        // The reference tests `if input_format`: None, Undefined and '' all mean "no input format".
        @Nullable String input = inputFormat == null || !Py.truthy(inputFormat) ? null : StrMethods.string(inputFormat);
        PythonDateTime parsed;
        if (Py.isInt(value) && !(value instanceof Boolean)) {
            parsed = DatetimeFormat.parse(PyText.str(value), input == null ? DatetimeFormat.EPOCH_SECONDS : input);
        } else if (input != null) {
            if (!(value instanceof String)) {
                // datetime.strptime's own TypeError, which renders the template's text (an Undefined too).
                throw PyErrors.typeError("strptime() argument 1 must be str, not " + Py.typeName(value));
            }
            parsed = Strptime.parse((String) value, input).assumeUtcIfNaive();
        } else if (value instanceof String || value instanceof Undefined) {
            parsed = (PythonDateTime) strToDatetime(value);
        } else {
            throw PyErrors.valueError("format_datetime cannot read a " + Py.typeName(value)
                    + "; expected a datetime, an int or a string");
        }
        return DatetimeFormat.format(parsed, format);
    }

    /** Python's {@code re.sub(r"(?<!^)(?=[A-Z])", "_", value).lower()}. */
    private static String camelToSnake(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (i > 0 && c >= 'A' && c <= 'Z') {
                out.append('_');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Python's {@code max}/{@code min}: one iterable or several arguments; the first extreme wins ties. */
    private static Object extreme(String name, List<Object> arguments) {
        if (arguments.isEmpty()) {
            throw PyErrors.typeError(name + " expected at least 1 argument, got 0");
        }
        List<Object> candidates = arguments.size() == 1 ? Py.iterate(arguments.get(0)) : arguments;
        if (candidates.isEmpty()) {
            throw PyErrors.valueError(name + "() arg is an empty sequence");
        }
        String operator = name.equals("max") ? ">" : "<";
        Object best = candidates.get(0);
        for (Object candidate : candidates.subList(1, candidates.size())) {
            if (PyCompare.ordered(operator, candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }
}
