package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.concurrent.ConcurrentReader;
import dev.sluice.declarative.concurrent.ReadPlan;
import dev.sluice.declarative.partition.ParentStream;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.HistorySplit;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stream built from a {@link StreamSpec}. {@code discover} needs only its names, schema, keys and cursor field;
 * a read is planned from the incoming state ({@link #plan}) and its slices are read by a {@link ConcurrentReader}
 * with the manifest's concurrency level. As in the reference, the sync mode does not matter: incoming state is
 * applied and cursor state is checkpointed in full refresh too.
 *
 * <p>A stream with a partition router lists its router's partitions and reads each on its own; an incremental
 * stream with a {@code DatetimeBasedCursor} and a {@code step} (and no router) splits its history into date
 * ranges. Both are read with the same concurrent engine, one partition at a time.
 */
public final class DeclarativeStream implements Stream, ParentStream {

    /**
     * Plans one read of the stream from its incoming state and, optionally, reads of its partitions (see
     * {@link Stream#partitions()}); the defaults describe a stream that is read only as a whole.
     */
    @FunctionalInterface
    public interface Planner {
        ReadPlan plan(StreamState state);

        default boolean isPartitioned() {
            return false;
        }

        default List<StreamPartition> partitions() {
            return List.of();
        }

        default Optional<HistorySplit> splitHistory(int count) {
            return Optional.empty();
        }

        /** A read of one partition from that partition's own state. */
        default ReadPlan planPartition(StreamPartition partition, StreamState state) {
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "This stream cannot read partitions",
                    "no partitions; asked for " + partition.key(), null);
        }
    }

    /**
     * What the catalog says about the stream's cursor.
     *
     * @param field         the cursor field, or null for a stream without {@code incremental_sync}
     * @param sourceDefined false when the user may choose the cursor field
     */
    public record CursorInfo(@Nullable String field, boolean sourceDefined) {
        public static final CursorInfo NONE = new CursorInfo(null, true);
    }

    private final String name;
    private final PrimaryKey primaryKey;
    private final SchemaLoader schema;
    private final CursorInfo cursor;
    private final Planner planner;
    private final int concurrency;

    DeclarativeStream(String name, PrimaryKey primaryKey, SchemaLoader schema, CursorInfo cursor, Planner planner,
            int concurrency) {
        this.name = requireNonNull(name, "name is null");
        this.primaryKey = requireNonNull(primaryKey, "primaryKey is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.cursor = requireNonNull(cursor, "cursor is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.concurrency = concurrency;
    }

    /** The same stream read by {@code level} threads (the manifest's {@code concurrency_level}). */
    public DeclarativeStream withConcurrency(int level) {
        return new DeclarativeStream(name, primaryKey, schema, cursor, planner, level);
    }

    /**
     * The same stream, read as {@code other} plans it (a {@code StateDelegatingStream} picks a stream per read); a
     * lambda planner reads the stream only as a whole.
     */
    DeclarativeStream withPlanner(Planner other) {
        return new DeclarativeStream(name, primaryKey, schema, cursor, other, concurrency);
    }

    /** How a read from {@code state} goes: the cursor (with its slices) and how a slice is read. */
    @Override
    public ReadPlan plan(StreamState state) {
        return planner.plan(state);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ObjectNode jsonSchema() {
        return schema.load();
    }

    @Override
    public PrimaryKey primaryKey() {
        return primaryKey;
    }

    @Override
    public List<String> cursorField() {
        return cursor.field() == null ? List.of() : List.of(cursor.field());
    }

    @Override
    public boolean sourceDefinedCursor() {
        return cursor.sourceDefined();
    }

    @Override
    public boolean isResumable() {
        return cursor.field() != null;
    }

    @Override
    public AirbyteStream toAirbyteStream() {
        boolean incremental = cursor.field() != null;
        List<SyncMode> modes = new ArrayList<>(List.of(SyncMode.FULL_REFRESH));
        if (incremental) {
            modes.add(SyncMode.INCREMENTAL);
        }
        return new AirbyteStream(name, jsonSchema(), modes, incremental ? cursor.sourceDefined() : null,
                incremental ? cursorField() : null, primaryKey.isEmpty() ? null : primaryKey.paths(), null, incremental,
                false);
    }

    @Override
    public void read(ReadRequest request, StreamSink sink) {
        new ConcurrentReader(name, concurrency).read(plan(request.state()), sink);
    }

    @Override
    public boolean isPartitioned() {
        return planner.isPartitioned();
    }

    /** The router's partitions, read from the parents' beginning (so every parent record), each key once. */
    @Override
    public List<StreamPartition> partitions() {
        return planner.partitions();
    }

    @Override
    public Optional<HistorySplit> splitHistory(int count) {
        return planner.splitHistory(count);
    }

    @Override
    public void readPartition(StreamPartition partition, ReadRequest request, StreamSink sink) {
        new ConcurrentReader(name, concurrency).read(planner.planPartition(partition, request.state()), sink);
    }
}
