package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datetime cursor of one partition (the reference's {@code ConcurrentCursor}). Its state is a list of closed
 * {@link Interval}s; the state it writes, {@code {<cursor_field>: v}}, is the most recent record value of the
 * interval that starts at the sync start, so a window closing after a gap never advances it. Keys of an incoming
 * sequential state other than the cursor field are carried along unchanged.
 *
 * <p>Thread-safe: windows are generated on one thread while partitions close on another.
 */
public final class DatetimeCursor {

    private static final Logger log = LoggerFactory.getLogger(DatetimeCursor.class);
    private static final String STATE_TYPE = "state_type";

    private final DatetimeCursorSettings settings;
    private final PythonDateTime syncStart;
    private final ObjectNode carried;
    private final Map<StreamSlice, PythonDateTime> mostRecent = new HashMap<>();
    private List<Interval> intervals;
    private boolean warned;

    public DatetimeCursor(DatetimeCursorSettings settings, ObjectNode incoming) {
        this.settings = settings;
        CursorFormats formats = settings.formats();
        if (isConcurrentState(incoming)) {
            List<Interval> restored = new ArrayList<>();
            for (JsonNode slice : incoming.path("slices")) {
                JsonNode recent = slice.get("most_recent_cursor_value");
                restored.add(new Interval(formats.parse(slice.path("start")), formats.parse(slice.path("end")),
                        recent == null || recent.isNull() ? null : formats.parse(recent)));
            }
            if (restored.isEmpty()) {
                // The reference refuses a concurrent state without slices; it claims nothing, so start over.
                restored.add(new Interval(settings.start(), settings.start(), settings.start()));
            }
            this.intervals = restored;
            this.carried = Json.object();
            this.syncStart = Optional.ofNullable(restored.get(0).mostRecent()).orElse(restored.get(0).end());
        } else {
            JsonNode previous = incoming.get(settings.cursorField());
            PythonDateTime start = settings.start();
            PythonDateTime fromState = previous == null ? null : formats.parse(previous);
            this.syncStart = fromState != null && fromState.compareTo(start) >= 0 ? fromState : start;
            this.intervals = new ArrayList<>(List.of(new Interval(start, syncStart, syncStart)));
            this.carried = incoming.deepCopy();
        }
    }

    /** Whether a blob is the reference's concurrent form {@code {"state_type": "date-range", "slices": [...]}}. */
    static boolean isConcurrentState(JsonNode state) {
        String type = state.path(STATE_TYPE).asText("");
        return type.equals("date-range") || type.equals("integer");
    }

    /** Pushes every window to read, in order. Blocking consumers are fine: no lock is held while pushing. */
    public void windows(Consumer<ObjectNode> out) {
        List<Interval> snapshot;
        synchronized (this) {
            intervals = Interval.merge(intervals, settings::increment);
            snapshot = List.copyOf(intervals);
        }
        DatetimeWindows.generate(settings, snapshot, out);
    }

    /** Remembers the record's cursor value as the most recent of its window, if it is the greatest so far. */
    public synchronized void observe(StreamSlice slice, ObjectNode record) {
        PythonDateTime value = valueOf(record);
        if (value == null) {
            return;
        }
        PythonDateTime current = mostRecent.get(slice);
        if (current == null || current.compareTo(value) < 0) {
            mostRecent.put(slice, value);
        }
    }

    /** Records the window as read; the state always changes, so the caller checkpoints. */
    public synchronized void close(StreamSlice slice) {
        CursorFormats formats = settings.formats();
        PythonDateTime start = formats.parse(slice.get(settings.startKey()));
        PythonDateTime end = formats.parse(slice.get(settings.endKey()));
        List<Interval> updated = new ArrayList<>(intervals);
        updated.add(new Interval(start, end, mostRecent.remove(slice)));
        intervals = Interval.merge(updated, settings::increment);
    }

    /** {@code {<carried keys>, <cursor_field>: <latest complete value>}}. */
    public synchronized ObjectNode state() {
        List<Interval> merged = Interval.merge(intervals, settings::increment);
        Interval first = merged.get(0);
        ObjectNode state = carried.deepCopy();
        state.put(settings.cursorField(),
                settings.formats().format(first.mostRecent() != null ? first.mostRecent() : first.start()));
        return state;
    }

    /** {@code start <= value <= end}: the client-side and data-feed filter. Records without a value are kept. */
    public boolean shouldBeSynced(ObjectNode record) {
        PythonDateTime value = valueOf(record);
        if (value == null) {
            return true;
        }
        return syncStart.compareTo(value) <= 0 && value.compareTo(settings.end().get()) <= 0;
    }

    /** The record's parsed cursor value; null (logged once) when missing or unparsable. */
    @Nullable PythonDateTime valueOf(ObjectNode record) {
        JsonNode raw = record.get(settings.cursorField());
        Optional<PythonDateTime> parsed = raw == null || raw.isNull() ? Optional.empty()
                : settings.formats().tryParse(raw);
        if (parsed.isEmpty()) {
            warnOnce(raw);
            return null;
        }
        return parsed.get();
    }

    private synchronized void warnOnce(@Nullable JsonNode raw) {
        if (!warned) {
            warned = true;
            log.warn("Could not read cursor field `{}` ({}) in a record; the incremental sync will assume it needs "
                    + "to be synced", settings.cursorField(), raw == null ? "missing" : Json.write(raw));
        }
    }
}
