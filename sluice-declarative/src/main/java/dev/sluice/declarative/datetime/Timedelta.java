package dev.sluice.declarative.datetime;

/**
 * A Python {@code timedelta}, held as microseconds. {@link #toString()} is Python's {@code str()}:
 * {@code 1 day, 0:00:00}, {@code -1 day, 23:59:59}, {@code 1:01:01.000005}.
 */
public record Timedelta(long microseconds) implements Comparable<Timedelta> {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    public static Timedelta ofDays(long days) {
        return new Timedelta(Math.multiplyExact(days, MICROS_PER_DAY));
    }

    public static Timedelta ofSeconds(long seconds) {
        return new Timedelta(Math.multiplyExact(seconds, MICROS_PER_SECOND));
    }

    /** Python's normalised {@code days} (may be negative); {@link #seconds()} and {@link #micros()} are never. */
    public long days() {
        return Math.floorDiv(microseconds, MICROS_PER_DAY);
    }

    public long seconds() {
        return Math.floorMod(microseconds, MICROS_PER_DAY) / MICROS_PER_SECOND;
    }

    public long micros() {
        return Math.floorMod(microseconds, MICROS_PER_SECOND);
    }

    public double totalSeconds() {
        return microseconds / 1e6;
    }

    public Timedelta negate() {
        return new Timedelta(Math.negateExact(microseconds));
    }

    public Timedelta plus(Timedelta other) {
        return new Timedelta(Math.addExact(microseconds, other.microseconds));
    }

    public java.time.Duration toDuration() {
        return java.time.Duration.ofSeconds(Math.floorDiv(microseconds, MICROS_PER_SECOND), micros() * 1000);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(24);
        long days = days();
        if (days != 0) {
            text.append(days).append(Math.abs(days) == 1 ? " day, " : " days, ");
        }
        long seconds = seconds();
        text.append(seconds / 3600).append(':');
        PythonDateTime.pad2(text, (int) (seconds / 60 % 60));
        PythonDateTime.pad2(text.append(':'), (int) (seconds % 60));
        long micros = micros();
        if (micros != 0) {
            text.append('.').append(String.format("%06d", micros));
        }
        return text.toString();
    }

    @Override
    public int compareTo(Timedelta other) {
        return Long.compare(microseconds, other.microseconds);
    }
}
