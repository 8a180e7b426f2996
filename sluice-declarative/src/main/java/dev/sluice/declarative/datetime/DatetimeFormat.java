package dev.sluice.declarative.datetime;

import dev.sluice.source.ConnectorException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The CDK's datetime formats ({@code datetime_format}, {@code cursor_datetime_formats}, {@code format_datetime}):
 * Python {@code strftime}/{@code strptime} plus epoch specials that apply only when they are the whole format —
 * {@code %s} (int seconds), {@code %s_as_float}, {@code %ms}, {@code %epoch_microseconds} — and {@code %_ms}
 * (three-digit milliseconds) anywhere in a format. Parsed naive values are UTC; formatted naive values are read as
 * UTC, so {@code %z} gives {@code +0000}. Epoch values come from Python's float {@code timestamp()} and are
 * truncated as Python's {@code int()} does.
 */
public final class DatetimeFormat {

    public static final String EPOCH_SECONDS = "%s";
    public static final String EPOCH_SECONDS_FLOAT = "%s_as_float";
    public static final String EPOCH_MILLIS = "%ms";
    public static final String EPOCH_MICROS = "%epoch_microseconds";
    private static final String MILLIS_DIRECTIVE = "%_ms";
    private static final java.util.regex.Pattern FLOAT_TEXT = java.util.regex.Pattern.compile(
            "[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");

    private DatetimeFormat() {
    }

    public static String format(OffsetDateTime value, String format) {
        return format(PythonDateTime.of(value), format);
    }

    public static String format(PythonDateTime value, String format) {
        PythonDateTime aware = value.assumeUtcIfNaive();
        switch (format) {
            case EPOCH_SECONDS:
                return Long.toString((long) aware.timestamp());
            case EPOCH_SECONDS_FLOAT:
                return PythonFloat.repr(aware.timestamp());
            case EPOCH_MILLIS:
                return Long.toString((long) (aware.timestamp() * 1000));
            case EPOCH_MICROS:
                return Long.toString((long) (aware.timestamp() * 1_000_000));
            default:
                break;
        }
        String effective = format;
        if (format.contains(MILLIS_DIRECTIVE)) {
            String millis = String.format("%03d", aware.dateTime().getNano() / 1_000_000);
            effective = format.replace(MILLIS_DIRECTIVE, millis);
        }
        return Strftime.format(aware, effective);
    }

    /** Parses with one format; the result is always aware (naive parses are UTC, parsed offsets are kept). */
    public static PythonDateTime parse(String text, String format) {
        try {
            return parseUnchecked(text, format);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw DatetimeErrors.valueError("year is out of range: '" + text + "' read as " + format);
        }
    }

    private static PythonDateTime parseUnchecked(String text, String format) {
        switch (format) {
            case EPOCH_SECONDS:
                return PythonDateTime.ofInstant(Instant.ofEpochSecond(pythonInt(text)));
            case EPOCH_SECONDS_FLOAT:
                return fromFloatSeconds(pythonFloat(text));
            case EPOCH_MILLIS:
                return epochPlusMicros(Math.multiplyExact(pythonInt(text), 1_000L));
            case EPOCH_MICROS:
                return epochPlusMicros(pythonInt(text));
            default:
                return Strptime.parse(text, format.replace(MILLIS_DIRECTIVE, "%f")).assumeUtcIfNaive();
        }
    }

    public static Optional<PythonDateTime> tryParse(String text, String format) {
        try {
            return Optional.of(parse(text, format));
        } catch (ConnectorException e) {
            return Optional.empty();
        }
    }

    /** Python's {@code datetime.fromtimestamp(x, utc)}: rounds half-even to the microsecond. */
    public static PythonDateTime fromFloatSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw DatetimeErrors.valueError("cannot convert float " + PythonFloat.repr(seconds) + " to integer");
        }
        long micros = new BigDecimal(seconds).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return epochPlusMicros(micros);
    }

    private static PythonDateTime epochPlusMicros(long micros) {
        return PythonDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L));
    }

    /** Python's {@code int(str)}: surrounding whitespace, a sign and single underscores between digits allowed. */
    static long pythonInt(String text) {
        String trimmed = text.strip();
        if (!trimmed.matches("[+-]?\\d+(_\\d+)*")) {
            throw DatetimeErrors.valueError("invalid literal for int() with base 10: '" + text + "'");
        }
        try {
            return Long.parseLong(trimmed.replace("_", "").replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            throw DatetimeErrors.valueError("int too large: '" + text + "'");
        }
    }

    /** Python's {@code float(str)} for finite decimal text (infinities cannot become a datetime anyway). */
    static double pythonFloat(String text) {
        String trimmed = text.strip();
        if (!FLOAT_TEXT.matcher(trimmed).matches()) {
            throw DatetimeErrors.valueError("could not convert string to float: '" + text + "'");
        }
        return Double.parseDouble(trimmed.replace("_", ""));
    }
}
