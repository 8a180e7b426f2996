package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.protocol.Json;
import dev.sluice.source.HistoryRange;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a datetime cursor's history, from {@code start_datetime} to its end (now, or {@code end_datetime}), into
 * contiguous ranges of about equal length, for reading in parallel. Boundaries are written in {@code datetime_format}
 * (so a day format gives whole days) and each closed range ends one {@code cursor_granularity} before the next
 * begins, exactly as the stream's own windows meet; the last part is left open, as the state
 * {@code {<cursor_field>: <its start>}} from which the stream reads on.
 */
final class DatetimeRanges {

    private DatetimeRanges() {
    }

    /** {@code count} parts, or fewer when the format's precision leaves some boundaries equal; empty for fewer than 2. */
    static Optional<HistorySplit> split(DatetimeCursorSettings settings, int count) {
        PythonDateTime start = settings.start();
        PythonDateTime end = settings.end().get();
        if (count < 2 || start.compareTo(end) >= 0) {
            return Optional.empty();
        }
        CursorFormats formats = settings.formats();
        long span = end.epochMicros() - start.epochMicros();
        List<PythonDateTime> boundaries = new ArrayList<>(List.of(start));
        for (int i = 1; i < count; i++) {
            PythonDateTime written = written(formats, start.plusMicros(span / count * i));
            if (written.compareTo(boundaries.get(boundaries.size() - 1)) > 0 && written.compareTo(end) < 0) {
                boundaries.add(written);
            }
        }
        if (boundaries.size() < 2) {
            return Optional.empty();
        }
        List<HistoryRange> ranges = new ArrayList<>();
        for (int i = 0; i < boundaries.size() - 1; i++) {
            ranges.add(new HistoryRange(formats.format(boundaries.get(i)),
                    formats.format(settings.minusGranularity(boundaries.get(i + 1)))));
        }
        ObjectNode rest = Json.object().put(settings.cursorField(),
                formats.format(boundaries.get(boundaries.size() - 1)));
        return Optional.of(new HistorySplit(ranges, new StreamState(rest)));
    }

    /** The value as the state would hold it: written in {@code datetime_format} and read back. */
    private static PythonDateTime written(CursorFormats formats, PythonDateTime value) {
        return formats.parse(Json.nodes().textNode(formats.format(value)));
    }
}
