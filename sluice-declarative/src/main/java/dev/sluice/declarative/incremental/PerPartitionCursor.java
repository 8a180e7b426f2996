package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.partition.PartitionRouter;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A datetime cursor per partition of the router (the reference's {@code ConcurrentPerPartitionCursor}); slices are
 * partitions × windows. State:
 * <pre>{@code {"use_global_cursor": false, "states": [{"partition": {...}, "cursor": {"updated_at": ...}}],
 *  "state": {"updated_at": ...}, "lookback_window": 86400, "parent_state": {"parent": {...}}}}</pre>
 * After more than 10,000 partitions it falls back to one global cursor ({@code use_global_cursor: true}); the global
 * {@code state} and {@code lookback_window} (this sync's duration in seconds) only advance at the end of a read in
 * which every partition completed. Checkpoints on partition close are throttled to one per 600 s.
 */
public final class PerPartitionCursor implements StreamCursor {

    /** Builds the cursor of one partition from its state, moved back by a runtime lookback in seconds. */
    @FunctionalInterface
    public interface PartitionCursors {
        DatetimeCursor create(ObjectNode state, long lookbackSeconds);
    }

    static final int SWITCH_TO_GLOBAL_LIMIT = 10_000;
    static final int MAX_PARTITIONS = 25_000;
    private static final Duration THROTTLE = Duration.ofSeconds(600);
    private static final Logger log = LoggerFactory.getLogger(PerPartitionCursor.class);

    private final PartitionRouter router;
    private final PartitionCursors cursors;
    private final String cursorField;
    private final CursorFormats formats;
    private final Clock clock;
    private final String streamName;
    /** In partition order; a partition restored from the state has no cursor (null) until it is read. */
    private final LinkedHashMap<String, @Nullable DatetimeCursor> cursorPerPartition = new LinkedHashMap<>();
    /**
     * The incoming cursor state of each restored partition. Its cursor is created when the partition is read, so
     * the cursor's settings are rendered while slicing, never while planning: the state of a read that fails
     * before is the incoming one, in this cursor's shape.
     */
    private final Map<String, ObjectNode> restoredStates = new HashMap<>();
    private final Map<String, Integer> openSlices = new HashMap<>();
    private final Set<String> doneGenerating = new HashSet<>();
    private final Map<String, Integer> sequences = new HashMap<>();
    private final ParentStates parents;
    private @Nullable ObjectNode globalCursor;
    private @Nullable String newGlobalValue;
    private long lookbackWindow;
    private int partitionCount;
    private boolean useGlobalCursor;
    private boolean syncedSomeData;
    private boolean warnedDuplicate;
    private Instant lastEmission = Instant.EPOCH;
    private @Nullable Instant started;
    private @Nullable DatetimeCursor globalFilter;

    /** Arguments are the collaborators; {@code incoming} is the stream's state (possibly {@code {}}). */
    public PerPartitionCursor(PartitionRouter router, PartitionCursors cursors, CursorFormats formats,
            String cursorField, boolean useGlobalCursor, Clock clock, String streamName, ObjectNode incoming) {
        this.router = router;
        this.cursors = cursors;
        this.formats = formats;
        this.cursorField = cursorField;
        this.useGlobalCursor = useGlobalCursor;
        this.clock = clock;
        this.streamName = streamName;
        JsonNode parent = incoming.get("parent_state");
        this.parents = new ParentStates(parent instanceof ObjectNode object && !object.isEmpty() ? object : null);
        restore(incoming);
    }

    private void restore(ObjectNode incoming) {
        if (incoming.isEmpty()) {
            return;
        }
        if (!incoming.has("states") && !incoming.has("state")) {
            setGlobal(incoming);
            return;
        }
        useGlobalCursor = incoming.path("use_global_cursor").asBoolean(false);
        lookbackWindow = incoming.path("lookback_window").asLong(0);
        for (JsonNode entry : incoming.path("states")) {
            partitionCount++;
            ObjectNode cursorState = entry.get("cursor") instanceof ObjectNode object ? object : Json.object();
            String key = PartitionKeys.of((ObjectNode) entry.path("partition"));
            cursorPerPartition.put(key, null);
            restoredStates.put(key, cursorState.deepCopy());
        }
        if (incoming.get("state") instanceof ObjectNode global) {
            setGlobal(global);
        }
    }

    private void setGlobal(ObjectNode state) {
        JsonNode value = state.get(cursorField);
        if (value != null) {
            ObjectNode global = Json.object().put(cursorField, formats.format(formats.parse(value)));
            globalCursor = global;
            newGlobalValue = global.get(cursorField).asText();
        }
    }

    @Override
    public void slices(Consumer<StreamSlice> out) {
        synchronized (this) {
            if (started != null) {
                throw new IllegalStateException("slices of a per-partition cursor are generated once");
            }
            started = clock.instant();
        }
        router.partitions(partition -> slicesOf(partition, router.parentState(), out));
    }

    private void slicesOf(StreamSlice partition, @Nullable ObjectNode parentState, Consumer<StreamSlice> out) {
        String key = PartitionKeys.of(partition.partition());
        DatetimeCursor cursor;
        synchronized (this) {
            ensurePartitionLimit();
            cursor = cursorOf(key);
            if (cursor == null) {
                cursor = newCursorFromGlobal();
                partitionCount++;
                cursorPerPartition.put(key, cursor);
            }
            if (openSlices.containsKey(key)) {
                if (!warnedDuplicate) {
                    warnedDuplicate = true;
                    log.warn("Partition duplication detected for stream {}", streamName);
                }
                return;
            }
            openSlices.put(key, 0);
            sequences.put(key, parents.generated(parentState));
        }
        ObjectNode[] pending = {null};
        cursor.windows(window -> {
            if (pending[0] != null) {
                emit(key, partition, pending[0], false, out);
            }
            pending[0] = window;
        });
        if (pending[0] != null) {
            emit(key, partition, pending[0], true, out);
        }
    }

    private void emit(String key, StreamSlice partition, ObjectNode window, boolean last, Consumer<StreamSlice> out) {
        synchronized (this) {
            openSlices.merge(key, 1, Integer::sum);
            if (last) {
                doneGenerating.add(key);
            }
        }
        out.accept(new StreamSlice(partition.partition(), window, partition.extraFields()));
    }

    private void ensurePartitionLimit() {
        if (!useGlobalCursor && partitionCount > SWITCH_TO_GLOBAL_LIMIT) {
            log.info("Exceeded the limit of {} partitions; switching to a global cursor for stream {}",
                    SWITCH_TO_GLOBAL_LIMIT, streamName);
            useGlobalCursor = true;
        }
        while (cursorPerPartition.size() > MAX_PARTITIONS - 1) {
            Iterator<String> keys = cursorPerPartition.keySet().iterator();
            String victim = null;
            while (keys.hasNext()) {
                String candidate = keys.next();
                if (!sequences.containsKey(candidate)) {
                    victim = candidate;
                    break;
                }
            }
            String removed = victim != null ? victim : cursorPerPartition.keySet().iterator().next();
            cursorPerPartition.remove(removed);
            restoredStates.remove(removed);
        }
    }

    /** The partition's cursor, created from its restored state on first use; null for an unknown partition. */
    private @Nullable DatetimeCursor cursorOf(String key) {
        DatetimeCursor cursor = cursorPerPartition.get(key);
        if (cursor == null && restoredStates.containsKey(key)) {
            cursor = cursors.create(restoredStates.get(key).deepCopy(), 0);
            cursorPerPartition.put(key, cursor);
            restoredStates.remove(key);
        }
        return cursor;
    }

    private DatetimeCursor newCursorFromGlobal() {
        return cursors.create(globalCursor == null ? Json.object() : globalCursor.deepCopy(),
                globalCursor == null ? 0 : lookbackWindow);
    }

    @Override
    public void observe(StreamSlice slice, ObjectNode record) {
        JsonNode raw = record.get(cursorField);
        if (raw == null || raw.isNull()) {
            return;
        }
        Optional<String> value = formats.tryParse(raw).map(formats::format);
        synchronized (this) {
            if (value.isEmpty()) {
                return;
            }
            syncedSomeData = true;
            updateGlobal(value.get());
            DatetimeCursor cursor = useGlobalCursor ? null : cursorOf(PartitionKeys.of(slice.partition()));
            if (cursor != null) {
                cursor.observe(slice, record);
            }
        }
    }

    private void updateGlobal(String value) {
        if (newGlobalValue == null || newGlobalValue.compareTo(value) < 0) {
            newGlobalValue = value;
        }
    }

    @Override
    public synchronized Optional<StreamState> close(StreamSlice slice) {
        String key = PartitionKeys.of(slice.partition());
        int open = openSlices.merge(key, -1, Integer::sum);
        boolean complete = open == 0 && doneGenerating.contains(key);
        DatetimeCursor cursor = cursorOf(key);
        if (!useGlobalCursor && cursor != null) {
            cursor.close(slice);
            if (complete) {
                updateGlobal(cursor.state().path(cursorField).asText());
            }
        }
        if (complete) {
            openSlices.remove(key);
            doneGenerating.remove(key);
            parents.completed(sequences.remove(key));
        }
        Instant now = clock.instant();
        if (Duration.between(lastEmission, now).compareTo(THROTTLE) <= 0) {
            return Optional.empty();
        }
        lastEmission = now;
        ObjectNode parentState = parents.current();
        if (useGlobalCursor && (parentState == null || parentState.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(state());
    }

    @Override
    public synchronized StreamState finalState() {
        boolean allClosed = openSlices.values().stream().allMatch(count -> count == 0);
        if (allClosed) {
            if (syncedSomeData && newGlobalValue != null) {
                globalCursor = Json.object().put(cursorField, newGlobalValue);
                Instant begin = started == null ? clock.instant() : started;
                long nanos = Duration.between(begin, clock.instant()).toNanos();
                lookbackWindow = Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
            }
            parents.finish(router.parentState());
        }
        return state();
    }

    @Override
    public synchronized StreamState state() {
        ObjectNode state = Json.object();
        state.put("use_global_cursor", useGlobalCursor);
        if (!useGlobalCursor) {
            ArrayNode states = state.putArray("states");
            cursorPerPartition.forEach((key, cursor) -> {
                ObjectNode entry = states.addObject();
                entry.set("partition", PartitionKeys.partition(key));
                entry.set("cursor", cursor != null ? cursor.state() : restoredStates.get(key).deepCopy());
            });
        }
        if (globalCursor != null && !globalCursor.isEmpty()) {
            state.set("state", globalCursor.deepCopy());
        }
        state.put("lookback_window", lookbackWindow);
        ObjectNode parentState = parents.current();
        if (parentState != null) {
            state.set("parent_state", parentState.deepCopy());
        }
        return new StreamState(state);
    }

    @Override
    public boolean shouldBeSynced(StreamSlice slice, ObjectNode record) {
        DatetimeCursor cursor;
        synchronized (this) {
            cursor = useGlobalCursor ? null : cursorOf(PartitionKeys.of(slice.partition()));
            if (cursor == null) {
                if (globalFilter == null) {
                    globalFilter = newCursorFromGlobal();
                }
                cursor = globalFilter;
            }
        }
        return cursor.shouldBeSynced(record);
    }
}
