package dev.sluice.declarative.interpolation;

import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code +} and {@code -} on {@code datetime}, {@code date}, {@code timedelta} and isodate's calendar
 * {@code Duration}: shifting by a timedelta, differences of datetimes (naive and aware do not mix), calendar
 * months added with the day clamped to the month's end.
 */
final class DateArithmetic {

    private DateArithmetic() {
    }

    /** {@code left + right} for date values, or {@code null} when neither side is one. */
    static @Nullable Object add(Object left, Object right) {
        try {
            if (left instanceof PythonDateTime && right instanceof Timedelta) {
                return ((PythonDateTime) left).plusMicros(((Timedelta) right).microseconds());
            }
            if (left instanceof Timedelta && (right instanceof PythonDateTime || right instanceof LocalDate)) {
                return PyArithmetic.add(right, left);
            }
            if (left instanceof LocalDate && right instanceof Timedelta) {
                return ((LocalDate) left).plusDays(((Timedelta) right).days());
            }
            if (left instanceof Timedelta && right instanceof Timedelta) {
                return ((Timedelta) left).plus((Timedelta) right);
            }
            if (left instanceof IsoDuration) {
                return addDuration((IsoDuration) left, right);
            }
            if (right instanceof IsoDuration) {
                return addDuration((IsoDuration) right, left);
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw PyErrors.valueError("date value out of range");
        }
        return null;
    }

    private static @Nullable Object addDuration(IsoDuration duration, Object other) {
        if (other instanceof PythonDateTime) {
            return duration.addTo((PythonDateTime) other);
        }
        if (other instanceof LocalDate) {
            return duration.addTo(PythonDateTime.naive(((LocalDate) other).atStartOfDay())).dateTime().toLocalDate();
        }
        if (other instanceof Timedelta) {
            return new IsoDuration(duration.years(), duration.months(), duration.time().plus((Timedelta) other));
        }
        if (other instanceof IsoDuration) {
            IsoDuration o = (IsoDuration) other;
            return new IsoDuration(duration.years() + o.years(), duration.months() + o.months(),
                    duration.time().plus(o.time()));
        }
        return null;
    }


    /** {@code left - right} for date values, or {@code null} when neither side is one. */
    static @Nullable Object subtract(Object left, Object right) {
        try {
            if (left instanceof PythonDateTime && right instanceof PythonDateTime) {
                PythonDateTime a = (PythonDateTime) left;
                PythonDateTime b = (PythonDateTime) right;
                if (a.isAware() != b.isAware()) {
                    throw PyErrors.typeError("can't subtract offset-naive and offset-aware datetimes");
                }
                long micros = a.isAware() ? a.epochMicros() - b.epochMicros()
                        : ChronoUnit.MICROS.between(b.dateTime(), a.dateTime());
                return new Timedelta(micros);
            }
            if (left instanceof LocalDate && right instanceof LocalDate) {
                return Timedelta.ofDays(ChronoUnit.DAYS.between((LocalDate) right, (LocalDate) left));
            }
            if (right instanceof Timedelta && (left instanceof PythonDateTime || left instanceof LocalDate
                    || left instanceof Timedelta || left instanceof IsoDuration)) {
                return add(left, ((Timedelta) right).negate());
            }
            if (right instanceof IsoDuration && (left instanceof PythonDateTime || left instanceof LocalDate
                    || left instanceof IsoDuration)) {
                return add(left, ((IsoDuration) right).negate());
            }
        } catch (ArithmeticException e) {
            throw PyErrors.valueError("date value out of range");
        }
        return null;
    }
}
