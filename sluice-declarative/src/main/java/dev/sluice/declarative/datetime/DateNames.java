package dev.sluice.declarative.datetime;

import java.util.List;

/** The C locale's day and month names, which the reference's containers use for {@code %a %A %b %B %p}. */
final class DateNames {

    /** Monday first, as {@link java.time.DayOfWeek}. */
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    private DateNames() {
    }

    static String shortName(String name) {
        return name.substring(0, 3);
    }
}
