package dev.sluice.declarative.incremental;

import dev.sluice.declarative.datetime.PythonDateTime;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Aligns slice boundaries to the start of a day, week or month ({@code clamping.target}). A ceiling moves a value
 * to the next period start; a floor moves it back. The reference's arithmetic is kept exactly, quirks included: the
 * day ceiling always adds a day (also at midnight), and the week floor of a value already on the target weekday
 * goes back a whole week.
 */
@FunctionalInterface
public interface Clamping {

    Clamping NONE = value -> value;

    PythonDateTime clamp(PythonDateTime value);

    static Clamping day(boolean ceiling) {
        return value -> {
            LocalDateTime midnight = value.dateTime().truncatedTo(ChronoUnit.DAYS);
            return new PythonDateTime(ceiling ? midnight.plusDays(1) : midnight, value.offset());
        };
    }

    static Clamping month(boolean ceiling) {
        return value -> {
            LocalDateTime midnight = value.dateTime().truncatedTo(ChronoUnit.DAYS);
            if (midnight.getDayOfMonth() == 1) {
                return new PythonDateTime(midnight, value.offset());
            }
            LocalDateTime first = midnight.withDayOfMonth(1);
            return new PythonDateTime(ceiling ? first.plusMonths(1) : first, value.offset());
        };
    }

    static Clamping week(DayOfWeek target, boolean ceiling) {
        return value -> {
            int weekday = value.dateTime().getDayOfWeek().getValue() - 1;
            int wanted = target.getValue() - 1;
            int toCeiling = weekday > wanted ? 7 - (weekday - wanted) : Math.abs(weekday - wanted);
            LocalDateTime midnight = value.dateTime().truncatedTo(ChronoUnit.DAYS);
            return new PythonDateTime(midnight.plusDays(ceiling ? toCeiling : toCeiling - 7), value.offset());
        };
    }
}
