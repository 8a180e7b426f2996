package dev.sluice.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A datetime cursor's evaluated settings (what {@code DatetimeBasedCursor} renders to for one read).
 *
 * @param cursorField the record key holding the cursor value
 * @param start       {@code start_datetime}, already evaluated
 * @param end         {@code end_datetime}, or "now"; evaluated at each call (a clock read)
 * @param lookback    subtracted from the end of the last state interval when slicing
 * @param step        the window length; null for one window from start to end
 * @param granularity the smallest cursor increment; window ends are {@code next start - granularity}
 * @param startKey    {@code partition_field_start}, the window key of the lower boundary
 * @param endKey      {@code partition_field_end}
 */
public record DatetimeCursorSettings(String cursorField, CursorFormats formats, PythonDateTime start,
        Supplier<PythonDateTime> end, @Nullable IsoDuration lookback, @Nullable IsoDuration step,
        @Nullable IsoDuration granularity, Clamping clamping, String startKey, String endKey) {

    public DatetimeCursorSettings {
        requireNonNull(cursorField, "cursorField is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(clamping, "clamping is null");
        requireNonNull(startKey, "startKey is null");
        requireNonNull(endKey, "endKey is null");
    }

    /**
     * The same cursor limited to {@code [from, to]}: it starts at the later of {@code start} and {@code from} and ends
     * at the earlier of {@code end} and {@code to} (one range of a split history).
     */
    public DatetimeCursorSettings within(PythonDateTime from, PythonDateTime to) {
        PythonDateTime lower = from.compareTo(start) > 0 ? from : start;
        Supplier<PythonDateTime> upper = () -> {
            PythonDateTime current = end.get();
            return current.compareTo(to) < 0 ? current : to;
        };
        return new DatetimeCursorSettings(cursorField, formats, lower, upper, lookback, step, granularity, clamping,
                startKey, endKey);
    }

    /** Two intervals merge when the next starts at most this much after the previous ends (default 1 ms). */
    PythonDateTime increment(PythonDateTime value) {
        return granularity == null ? value.plusMicros(1_000) : granularity.addTo(value);
    }

    PythonDateTime minusGranularity(PythonDateTime value) {
        return granularity == null ? value : granularity.negate().addTo(value);
    }
}
