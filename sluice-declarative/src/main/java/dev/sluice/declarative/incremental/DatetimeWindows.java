package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.protocol.Json;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference concurrent cursor's slicing: windows before the first state interval, in the gaps between
 * intervals, and from the end of the last interval (minus the lookback window) to the end. Windows never start
 * before {@code start_datetime}; a window ends at {@code next start - granularity}, except the last window of the
 * tail, which ends exactly at the end.
 */
final class DatetimeWindows {

    private final DatetimeCursorSettings settings;
    private final Consumer<ObjectNode> out;

    private DatetimeWindows(DatetimeCursorSettings settings, Consumer<ObjectNode> out) {
        this.settings = settings;
        this.out = out;
    }

    /** Every window for the merged state intervals, in order, as {@code {start_key: ..., end_key: ...}}. */
    static void generate(DatetimeCursorSettings settings, List<Interval> merged, Consumer<ObjectNode> out) {
        new DatetimeWindows(settings, out).generate(merged);
    }

    private void generate(List<Interval> merged) {
        PythonDateTime start = settings.start();
        if (start.compareTo(merged.get(0).start()) < 0) {
            split(start, merged.get(0).start(), false);
        }
        for (int i = 0; i < merged.size() - 1; i++) {
            PythonDateTime gapStart = settings.granularity() == null ? merged.get(i).end()
                    : settings.increment(merged.get(i).end());
            split(gapStart, merged.get(i + 1).start(), false);
        }
        PythonDateTime lastEnd = merged.get(merged.size() - 1).end();
        PythonDateTime tailStart = settings.lookback() == null ? lastEnd : settings.lookback().negate().addTo(lastEnd);
        split(tailStart, settings.end().get(), true);
    }

    private void split(PythonDateTime from, PythonDateTime upper, boolean upperIsEnd) {
        PythonDateTime start = settings.start();
        if (from.compareTo(upper) >= 0 || upper.compareTo(start) < 0) {
            return;
        }
        PythonDateTime lower = max(from, start);
        Clamping clamping = settings.clamping();
        if (settings.step() == null || plusStep(lower).compareTo(upper) >= 0) {
            PythonDateTime clampedUpper = clamping.clamp(upper);
            emit(clamping.clamp(lower), upperIsEnd ? clampedUpper : settings.minusGranularity(clampedUpper));
            return;
        }
        PythonDateTime current = lower;
        while (true) {
            PythonDateTime windowEnd = min(plusStep(current), upper);
            boolean reachedUpper = windowEnd.compareTo(upper) >= 0;
            PythonDateTime clampedUpper = windowEnd.compareTo(upper) == 0 ? windowEnd : clamping.clamp(windowEnd);
            PythonDateTime clampedLower = clamping.clamp(current);
            if (clampedLower.compareTo(clampedUpper) >= 0) {
                return;
            }
            boolean exact = upperIsEnd && reachedUpper;
            emit(clampedLower, exact ? clampedUpper : settings.minusGranularity(clampedUpper));
            current = clampedUpper;
            if (reachedUpper) {
                return;
            }
        }
    }

    /** A step that overflows the calendar ends at the end, as the reference's {@code OverflowError} handler does. */
    private PythonDateTime plusStep(PythonDateTime value) {
        try {
            return settings.step().addTo(value);
        } catch (DateTimeException | ArithmeticException overflow) {
            return settings.end().get();
        }
    }

    private void emit(PythonDateTime lower, PythonDateTime upper) {
        ObjectNode window = Json.object();
        window.put(settings.startKey(), settings.formats().format(lower));
        window.put(settings.endKey(), settings.formats().format(upper));
        out.accept(window);
    }

    private static PythonDateTime max(PythonDateTime a, PythonDateTime b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static PythonDateTime min(PythonDateTime a, PythonDateTime b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
