package dev.sluice.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A stream over records in memory, in one of the three shapes the loader distinguishes: incremental on an
 * integer cursor (records must be sorted by it), resumable full refresh ({@code {"offset": n}} per page), or plain
 * full refresh (no checkpoint). It records the states it was started from and can fail before a given record.
 */
final class ListStream implements Stream {

    private final String name;
    private final ObjectNode schema;
    private final PrimaryKey primaryKey;
    private final @Nullable String cursor;
    private final boolean resumable;
    private final List<ObjectNode> records;
    private final List<StreamState> startedFrom = new ArrayList<>();
    private int pageSize = 2;
    private int failBefore = -1;
    private IntConsumer beforeRecord = index -> { };
    private @Nullable ObjectNode stateBeforeFailing;

    private ListStream(String name, ObjectNode schema, PrimaryKey primaryKey, @Nullable String cursor,
            boolean resumable, List<ObjectNode> records) {
        this.name = name;
        this.schema = schema;
        this.primaryKey = primaryKey;
        this.cursor = cursor;
        this.resumable = resumable;
        this.records = List.copyOf(records);
    }

    static ListStream fullRefresh(String name, ObjectNode schema, List<ObjectNode> records) {
        return new ListStream(name, schema, PrimaryKey.of("id"), null, false, records);
    }

    static ListStream resumable(String name, ObjectNode schema, List<ObjectNode> records) {
        return new ListStream(name, schema, PrimaryKey.of("id"), null, true, records);
    }

    static ListStream incremental(String name, ObjectNode schema, PrimaryKey key, String cursor,
            List<ObjectNode> records) {
        return new ListStream(name, schema, key, cursor, false, records);
    }

    ListStream pageSize(int size) {
        pageSize = size;
        return this;
    }

    /** Throws before delivering the record at this index (counted from the first record of this read). */
    ListStream failBefore(int index) {
        failBefore = index;
        return this;
    }

    /**
     * Reads nothing: writes {@code state} and fails, as a declarative stream does that fails while building its
     * cursor or its slices (its final STATE is the cursor's initial shape).
     */
    ListStream failsWritingState(ObjectNode state) {
        stateBeforeFailing = state;
        return this;
    }

    ListStream beforeRecord(IntConsumer action) {
        beforeRecord = action;
        return this;
    }

    List<StreamState> startedFrom() {
        return startedFrom;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ObjectNode jsonSchema() {
        return schema.deepCopy();
    }

    @Override
    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    @Override
    public List<String> cursorField() {
        return cursor == null ? List.of() : List.of(cursor);
    }

    @Override
    public boolean isResumable() {
        return resumable || cursor != null;
    }

    @Override
    public void read(ReadRequest request, StreamSink sink) {
        StreamState state = request.state();
        startedFrom.add(state);
        if (stateBeforeFailing != null) {
            sink.checkpoint(new StreamState(stateBeforeFailing.deepCopy()));
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The cursor of " + name + " could not be built");
        }
        if (cursor != null) {
            long since = state.get(cursor).map(node -> node.asLong()).orElse(Long.MIN_VALUE);
            List<ObjectNode> newer = records.stream().filter(r -> r.get(cursor).asLong() > since).toList();
            emit(newer, 0, sink, (delivered, last) -> Json.object().put(cursor, last.get(cursor).asLong()));
        } else if (resumable) {
            if (state.isFullRefreshComplete()) {
                return;
            }
            int offset = state.get("offset").map(node -> node.asInt()).orElse(0);
            emit(records.subList(offset, records.size()), offset, sink,
                    (delivered, last) -> delivered == records.size() ? null : Json.object().put("offset", delivered));
            sink.checkpoint(StreamState.fullRefreshComplete());
        } else {
            emit(records, 0, sink, null);
        }
    }

    private interface Checkpoints {
        @Nullable ObjectNode after(int delivered, ObjectNode last);
    }

    private void emit(List<ObjectNode> rows, int offset, StreamSink sink, @Nullable Checkpoints checkpoints) {
        for (int i = 0; i < rows.size(); i++) {
            if (i == failBefore) {
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "The API went away before record " + i);
            }
            beforeRecord.accept(i);
            sink.record(rows.get(i).deepCopy());
            boolean pageEnd = (i + 1) % pageSize == 0 || i + 1 == rows.size();
            if (checkpoints != null && pageEnd) {
                ObjectNode state = checkpoints.after(offset + i + 1, rows.get(i));
                if (state != null) {
                    sink.checkpoint(new StreamState(state));
                }
            }
        }
    }
}
