package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.Json;
import dev.sluice.source.StreamState;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime of {@code IncrementingCountCursor}: one slice {@code {"start": <sync start>, "end": +inf}} where the sync
 * start is the incoming state value when it is at least {@code start_value}; the state is the greatest cursor value
 * seen once the slice was read completely (or the sync start), with the other keys of the incoming state carried
 * along. A checkpoint follows the slice only when a record had a value; one more ends the stream.
 */
final class IncrementingCountCursor implements StreamCursor {

    static final String START = "start";
    static final String END = "end";
    private static final Logger log = LoggerFactory.getLogger(IncrementingCountCursor.class);

    private final String cursorField;
    private final JsonNode start;
    private final JsonNode syncStart;
    private final ObjectNode carried;
    private @Nullable JsonNode mostRecent;
    private @Nullable JsonNode closed;
    private boolean warned;

    IncrementingCountCursor(String cursorField, long startValue, ObjectNode incoming) {
        this.cursorField = cursorField;
        this.start = Json.nodes().numberNode(startValue);
        JsonNode previous = incoming.get(cursorField);
        boolean usable = previous != null && previous.isNumber() && truthy(previous)
                && previous.decimalValue().compareTo(BigDecimal.valueOf(startValue)) >= 0;
        this.syncStart = usable ? previous : start;
        this.carried = incoming.deepCopy();
    }

    @Override
    public void slices(Consumer<StreamSlice> out) {
        ObjectNode window = Json.object();
        window.set(START, syncStart);
        window.put(END, Double.POSITIVE_INFINITY);
        out.accept(new StreamSlice(Json.object(), window, Json.object()));
    }

    @Override
    public synchronized void observe(StreamSlice slice, ObjectNode record) {
        JsonNode value = valueOf(record);
        if (value != null && (mostRecent == null || mostRecent.decimalValue().compareTo(value.decimalValue()) < 0)) {
            mostRecent = value;
        }
    }

    @Override
    public synchronized Optional<StreamState> close(StreamSlice slice) {
        if (mostRecent == null || !truthy(mostRecent)) {
            return Optional.empty();
        }
        closed = mostRecent;
        return Optional.of(state());
    }

    @Override
    public StreamState finalState() {
        return state();
    }

    @Override
    public synchronized StreamState state() {
        JsonNode latest = syncStart;
        if (closed != null && (!truthy(syncStart) || closed.decimalValue().compareTo(syncStart.decimalValue()) > 0)) {
            latest = closed;
        }
        ObjectNode state = carried.deepCopy();
        state.set(cursorField, truthy(latest) ? latest : start);
        return new StreamState(state);
    }

    @Override
    public boolean shouldBeSynced(StreamSlice slice, ObjectNode record) {
        JsonNode value = valueOf(record);
        return value == null || syncStart.decimalValue().compareTo(value.decimalValue()) <= 0;
    }

    private @Nullable JsonNode valueOf(ObjectNode record) {
        JsonNode value = record.get(cursorField);
        if (value == null || !value.isNumber()) {
            synchronized (this) {
                if (!warned) {
                    warned = true;
                    log.warn("Could not read the integer cursor field `{}` in a record; it does not move the state",
                            cursorField);
                }
            }
            return null;
        }
        return value;
    }

    /** Python truthiness of a number: zero is false. */
    private static boolean truthy(JsonNode number) {
        return number.decimalValue().signum() != 0;
    }
}
