package dev.sluice.declarative.datetime;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The CDK's format-free datetime parsing ({@code ab_datetime_parse}, behind {@code str_to_datetime},
 * {@code timestamp} and {@code format_datetime}), in the same order of attempts: digit strings are epoch seconds
 * (at most ten digits; a dot makes them float seconds), {@code Y-M-D} is midnight UTC, time-only text is refused,
 * and the rest goes to a date parser. The reference uses {@code dateutil} there; this port accepts the forms
 * that can get that far — ISO-8601 with {@code T} or a space, optional seconds and fraction, {@code Z}/{@code UTC}/
 * {@code GMT}/{@code ±HH[:MM]}, slashes as date separators. (RFC 1123 text such as {@code Sat, 01 Jan 2022
 * 01:01:01 GMT} never reaches it: the time-only check refuses it first, in the reference too.) Results are aware:
 * naive text is UTC, parsed offsets are kept.
 */
public final class IsoDateTimes {

    private static final Pattern ISO = Pattern.compile(
            "\\s*(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:(?:[Tt]|\\s+)(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d+))?)?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TIMESTAMP_DIGITS = 10;

    private IsoDateTimes() {
    }

    public static PythonDateTime parse(String text) {
        if (text.startsWith("-")) {
            throw DatetimeErrors.valueError("Timestamp cannot be negative: " + text);
        }
        if (isDigits(text.substring(Math.min(1, text.length())).replace(".", ""))) {
            return parseEpoch(text);
        }
        if (text.indexOf(':') < 0 && count(text, '-') == 2 && text.indexOf('/') < 0) {
            return parseDateOnly(text);
        }
        if (text.indexOf(':') >= 0 && count(text, '-') < 2 && count(text, '/') < 2) {
            throw DatetimeErrors.valueError("Missing date part in datetime string: " + text);
        }
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            return build(iso.group(1), iso.group(2), iso.group(3), iso.group(4), iso.group(5), iso.group(6),
                    iso.group(7), iso.group(8), text);
        }
        throw unparsable(text);
    }

    private static PythonDateTime parseEpoch(String text) {
        long seconds;
        if (text.contains(".")) {
            double value = DatetimeFormat.pythonFloat(text);
            checkTimestampSize(Long.toString((long) Math.abs(value)), text);
            return DatetimeFormat.fromFloatSeconds(value);
        }
        try {
            seconds = DatetimeFormat.pythonInt(text);
        } catch (RuntimeException e) {
            throw unparsable(text);
        }
        checkTimestampSize(Long.toString(Math.abs(seconds)), text);
        return PythonDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds));
    }

    private static void checkTimestampSize(String digits, String text) {
        if (digits.length() > MAX_TIMESTAMP_DIGITS) {
            throw DatetimeErrors.valueError("Timestamp value too large: " + text);
        }
    }

    private static PythonDateTime parseDateOnly(String text) {
        String[] parts = text.split("-", -1);
        try {
            int year = (int) DatetimeFormat.pythonInt(parts[0]);
            int month = (int) DatetimeFormat.pythonInt(parts[1]);
            int day = (int) DatetimeFormat.pythonInt(parts[2]);
            return new PythonDateTime(LocalDateTime.of(year, month, day, 0, 0), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw DatetimeErrors.valueError("Invalid date format: " + text);
        }
    }

    private static PythonDateTime build(String year, String month, String day, @Nullable String hour,
            @Nullable String minute, @Nullable String second, @Nullable String fraction, @Nullable String zone,
            String text) {
        try {
            int micros = 0;
            if (fraction != null) {
                String six = (fraction + "000000").substring(0, 6);
                micros = Integer.parseInt(six);
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month),
                    Integer.parseInt(day), number(hour), number(minute), number(second), micros * 1000);
            return new PythonDateTime(local, zone == null ? ZoneOffset.UTC : offset(zone));
        } catch (DateTimeException e) {
            throw unparsable(text);
        }
    }

    private static ZoneOffset offset(String zone) {
        String upper = zone.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(digits.charAt(0) == '-' ? -total : total);
    }

    private static int number(@Nullable String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static dev.sluice.source.ConnectorException unparsable(String text) {
        return DatetimeErrors.valueError("Could not parse datetime string: " + text);
    }
}
