package dev.sluice.declarative.datetime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An ISO-8601 duration as Python's {@code isodate.parse_duration} reads it ({@code P1D}, {@code PT1H30M},
 * {@code P1Y2M}, {@code P2W}, {@code -P1D}, fractions such as {@code PT0.5S}). Years and months stay calendar
 * units (isodate's {@code Duration}); everything else is an exact {@link Timedelta}. Used by the {@code duration}
 * macro and by cursor {@code step}, {@code cursor_granularity} and {@code lookback_window}.
 */
public record IsoDuration(long years, long months, Timedelta time) {

    private static final Pattern PERIOD = Pattern.compile(
            "([+-])?P(?!$)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+(?:[,.]\\d+)?)W)?(?:(\\d+(?:[,.]\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:[,.]\\d+)?)H)?(?:(\\d+(?:[,.]\\d+)?)M)?(?:(\\d+(?:[,.]\\d+)?)S)?)?");

    public static IsoDuration parse(String text) {
        Matcher m = PERIOD.matcher(text);
        if (!m.matches()) {
            throw DatetimeErrors.valueError("Unable to parse duration string '" + text + "'");
        }
        long years;
        long months;
        long total;
        try {
            years = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            months = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            BigDecimal micros = units(m.group(4), 7 * Timedelta.MICROS_PER_DAY)
                    .add(units(m.group(5), Timedelta.MICROS_PER_DAY))
                    .add(units(m.group(6), 3_600 * Timedelta.MICROS_PER_SECOND))
                    .add(units(m.group(7), 60 * Timedelta.MICROS_PER_SECOND))
                    .add(units(m.group(8), Timedelta.MICROS_PER_SECOND));
            total = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw DatetimeErrors.valueError("duration out of range: '" + text + "'");
        }
        if ("-".equals(m.group(1))) {
            return new IsoDuration(-years, -months, new Timedelta(-total));
        }
        return new IsoDuration(years, months, new Timedelta(total));
    }

    private static BigDecimal units(@Nullable String amount, long microsPerUnit) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(amount.replace(',', '.')).multiply(BigDecimal.valueOf(microsPerUnit));
    }

    /** True when this is a plain {@code timedelta} in Python (no years or months). */
    public boolean isTimedelta() {
        return years == 0 && months == 0;
    }

    public IsoDuration negate() {
        return new IsoDuration(-years, -months, time.negate());
    }

    /** isodate's addition: years and months together (day clamped to the month's end), then the exact part. */
    public PythonDateTime addTo(PythonDateTime value) {
        try {
            java.time.LocalDateTime shifted = value.dateTime().plusMonths(Math.addExact(Math.multiplyExact(years, 12), months));
            return new PythonDateTime(shifted, value.offset()).plusMicros(time.microseconds());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw DatetimeErrors.valueError("date value out of range");
        }
    }

    public java.time.OffsetDateTime addTo(java.time.OffsetDateTime value) {
        return addTo(PythonDateTime.of(value)).toOffsetDateTime();
    }

    /** isodate's {@code str()}: {@code 1 years, 2 months, 3 days, 4:00:00} (singular only for one month). */
    @Override
    public String toString() {
        if (isTimedelta()) {
            return time.toString();
        }
        StringBuilder text = new StringBuilder();
        if (years != 0) {
            text.append(years).append(" years, ");
        }
        if (months != 0) {
            text.append(months).append(months <= 1 ? " month, " : " months, ");
        }
        return text.append(time).toString();
    }
}
