package dev.sluice.declarative.datetime;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Python {@code datetime}: wall-clock fields plus an optional fixed UTC offset ({@code null} = naive). Java has
 * no type that is "maybe zoned", and Python's behaviour differs between the two (naive {@code %z} formats empty,
 * naive values are assumed to be UTC by the CDK).
 */
public record PythonDateTime(LocalDateTime dateTime, @Nullable ZoneOffset offset) implements Comparable<PythonDateTime> {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    public PythonDateTime {
        requireNonNull(dateTime, "dateTime is null");
        // Python datetimes hold microseconds; anything finer is dropped (truncated, as fromisoformat does).
        dateTime = dateTime.truncatedTo(ChronoUnit.MICROS);
    }

    public static PythonDateTime of(OffsetDateTime value) {
        return new PythonDateTime(value.toLocalDateTime(), value.getOffset());
    }

    public static PythonDateTime naive(LocalDateTime value) {
        return new PythonDateTime(value, null);
    }

    public static PythonDateTime ofInstant(Instant instant) {
        return new PythonDateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public boolean isAware() {
        return offset != null;
    }

    /** The CDK's rule for naive values: they are UTC. */
    public OffsetDateTime toOffsetDateTime() {
        return OffsetDateTime.of(dateTime, offset == null ? ZoneOffset.UTC : offset);
    }

    public Instant toInstant() {
        return toOffsetDateTime().toInstant();
    }

    public PythonDateTime assumeUtcIfNaive() {
        return offset == null ? new PythonDateTime(dateTime, ZoneOffset.UTC) : this;
    }

    /** Microseconds since the epoch (naive values read as UTC, as on the reference's UTC containers). */
    public long epochMicros() {
        Instant instant = toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000L);
    }

    /** Python's {@code timestamp()}: exact microseconds divided by 10^6 as one correctly rounded float division. */
    public double timestamp() {
        long micros = epochMicros();
        if (Math.abs(micros) < (1L << 53)) {
            return micros / 1e6;
        }
        return new BigDecimal(micros).movePointLeft(6).doubleValue();
    }

    public PythonDateTime plusMicros(long micros) {
        return new PythonDateTime(dateTime.plus(micros, ChronoUnit.MICROS), offset);
    }

    /** Python's {@code str()}: {@code 2021-09-01 00:00:00+00:00}, with {@code .ffffff} only when non-zero. */
    @Override
    public String toString() {
        return isoformat(" ", "auto");
    }

    /**
     * Python's {@code isoformat(sep, timespec)}; timespec is one of {@code auto, hours, minutes, seconds,
     * milliseconds, microseconds}.
     */
    public String isoformat(String separator, String timespec) {
        StringBuilder text = new StringBuilder(32);
        text.append(PythonDate.isoformat(dateTime.toLocalDate())).append(separator);
        int micros = dateTime.getNano() / 1000;
        pad2(text, dateTime.getHour());
        switch (timespec) {
            case "hours":
                break;
            case "minutes":
                pad2(text.append(':'), dateTime.getMinute());
                break;
            case "seconds":
                appendSeconds(text);
                break;
            case "milliseconds":
                appendSeconds(text);
                text.append('.').append(String.format("%03d", micros / 1000));
                break;
            case "microseconds":
                appendSeconds(text);
                text.append('.').append(String.format("%06d", micros));
                break;
            case "auto":
                appendSeconds(text);
                if (micros != 0) {
                    text.append('.').append(String.format("%06d", micros));
                }
                break;
            default:
                throw DatetimeErrors.valueError("Unknown timespec value: '" + timespec + "'");
        }
        if (offset != null) {
            text.append(offsetText(offset, ":"));
        }
        return text.toString();
    }

    private void appendSeconds(StringBuilder text) {
        pad2(text.append(':'), dateTime.getMinute());
        pad2(text.append(':'), dateTime.getSecond());
    }

    /** {@code +05:30} with the given separator; seconds are appended when the offset has them. */
    static String offsetText(ZoneOffset offset, String separator) {
        int total = offset.getTotalSeconds();
        StringBuilder text = new StringBuilder(9).append(total < 0 ? '-' : '+');
        int magnitude = Math.abs(total);
        pad2(text, magnitude / 3600);
        pad2(text.append(separator), magnitude / 60 % 60);
        if (magnitude % 60 != 0) {
            pad2(text.append(separator), magnitude % 60);
        }
        return text.toString();
    }

    /** Python's {@code tzname()} of a fixed offset: {@code UTC} or {@code UTC+05:30}. */
    static String tzname(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offsetText(offset, ":");
    }

    static void pad2(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        text.append(value);
    }

    /** Python orders naive and aware values separately; callers check {@link #isAware()} agreement first. */
    @Override
    public int compareTo(PythonDateTime other) {
        if (isAware()) {
            return toInstant().compareTo(other.toInstant());
        }
        return dateTime.compareTo(other.dateTime);
    }
}
