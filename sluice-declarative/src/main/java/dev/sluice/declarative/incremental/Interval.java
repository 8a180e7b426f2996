package dev.sluice.declarative.incremental;

import static java.util.Objects.requireNonNull;

import dev.sluice.declarative.datetime.PythonDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A closed range of cursor values whose records were all read, and the greatest cursor value seen in it (the
 * reference's {@code {start, end, most_recent_cursor_value}} state slice).
 */
record Interval(PythonDateTime start, PythonDateTime end, @Nullable PythonDateTime mostRecent) {

    Interval {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    /**
     * Sorted by (start, end) and merged where the next interval starts at most one increment after the previous
     * ends; a merged interval keeps the greater end and the greater most recent value.
     */
    static List<Interval> merge(List<Interval> intervals, UnaryOperator<PythonDateTime> increment) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start).thenComparing(Interval::end));
        List<Interval> merged = new ArrayList<>();
        for (Interval current : sorted) {
            if (merged.isEmpty()) {
                merged.add(current);
                continue;
            }
            Interval last = merged.get(merged.size() - 1);
            if (increment.apply(last.end).compareTo(current.start) >= 0) {
                PythonDateTime end = last.end.compareTo(current.end) >= 0 ? last.end : current.end;
                merged.set(merged.size() - 1, new Interval(last.start, end, greater(last.mostRecent, current.mostRecent)));
            } else {
                merged.add(current);
            }
        }
        return merged;
    }

    private static @Nullable PythonDateTime greater(@Nullable PythonDateTime a, @Nullable PythonDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}
