package dev.sluice.declarative.datetime;

import java.time.LocalDate;

/** Python's text for {@code date} values (years below 1000 keep four digits in ISO form, as Python does). */
public final class PythonDate {

    private PythonDate() {
    }

    public static String isoformat(LocalDate date) {
        StringBuilder text = new StringBuilder(10);
        String year = Integer.toString(date.getYear());
        text.append("0".repeat(Math.max(0, 4 - year.length()))).append(year).append('-');
        PythonDateTime.pad2(text, date.getMonthValue());
        PythonDateTime.pad2(text.append('-'), date.getDayOfMonth());
        return text.toString();
    }
}
