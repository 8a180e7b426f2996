package dev.sluice.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.concurrent.ConcurrentReader;
import dev.sluice.declarative.concurrent.ReadPlan;
import dev.sluice.declarative.partition.ParentStream;
import dev.sluice.declarative.schema.SchemaLoader;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.HistorySplitting;
import dev.sluice.source.PrimaryKey;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.Stream;
import dev.sluice.source.StreamPartitioning;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stream built from a {@link StreamSpec}. {@code discover} needs only its names, schema, keys and cursor field;
 * a read is planned from the incoming state ({@link #plan}) and its slices are read by a {@link ConcurrentReader}
 * with the manifest's concurrency level. As in the reference, the sync mode does not matter: incoming state is
 * applied and cursor state is checkpointed in full refresh too.
 *
 * <p>A stream with a partition router lists its router's partitions and reads each on its own
 * ({@link #partitioning()}); an incremental stream with a {@code DatetimeBasedCursor} and a {@code step} (and no
 * router) splits its history into date ranges ({@link #historySplitting()}). Both are read with the same concurrent engine, one partition at a time.
 */
public final class DeclarativeStream implements Stream, ParentStream {

    /**
     * Plans one read of the stream from its incoming state and, optionally, offers reads of its parts; the defaults
     * describe a stream that is read only as a whole. The parts are the core capabilities themselves, read by the
     * stream's reader (its concurrency is the stream's, which {@link #withConcurrency} changes after planning).
     */
    @FunctionalInterface
    public interface Planner {
        ReadPlan plan(StreamState state);

        /** The partitions of the stream's router, each read by {@code reader}; empty without a router. */
        default Optional<StreamPartitioning> partitioning(ConcurrentReader reader) {
            return Optional.empty();
        }

        /** The ranges of the stream's history, each read by {@code reader}; empty when it cannot be split. */
        default Optional<HistorySplitting> historySplitting(ConcurrentReader reader) {
            return Optional.empty();
        }

        /** Where a read delivers to: {@code sink} itself, or a sink that first uploads each record's file. */
        default StreamSink delivery(StreamSink sink) {
            return sink;
        }

        /** Whether the stream transfers files ({@code file_uploader}): discover's {@code is_file_based}. */
        default boolean isFileBased() {
            return false;
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
    /** Read by {@link #sequential()}: one slice at a time, stopping at the first failed one. */
    private final boolean stopsAtFailure;
    /** The manifest's {@code stream_groups} this stream is never read at the same time as another stream of. */
    private final Set<String> exclusiveGroups;

    DeclarativeStream(String name, PrimaryKey primaryKey, SchemaLoader schema, CursorInfo cursor, Planner planner,
            int concurrency) {
        this(name, primaryKey, schema, cursor, planner, concurrency, false, Set.of());
    }

    private DeclarativeStream(String name, PrimaryKey primaryKey, SchemaLoader schema, CursorInfo cursor,
            Planner planner, int concurrency, boolean stopsAtFailure, Set<String> exclusiveGroups) {
        this.name = requireNonNull(name, "name is null");
        this.primaryKey = requireNonNull(primaryKey, "primaryKey is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.cursor = requireNonNull(cursor, "cursor is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.concurrency = concurrency;
        this.stopsAtFailure = stopsAtFailure;
        this.exclusiveGroups = Set.copyOf(exclusiveGroups);
    }

    /** The same stream read by {@code level} threads (the manifest's {@code concurrency_level}). */
    public DeclarativeStream withConcurrency(int level) {
        return new DeclarativeStream(name, primaryKey, schema, cursor, planner, level, false, exclusiveGroups);
    }

    /** The same stream, never read at the same time as the other streams of {@code groups}. */
    public DeclarativeStream withExclusiveGroups(Set<String> groups) {
        return new DeclarativeStream(name, primaryKey, schema, cursor, planner, concurrency, stopsAtFailure, groups);
    }

    @Override
    public Set<String> exclusiveGroups() {
        return exclusiveGroups;
    }

    /**
     * One slice at a time, stopping at the first failed slice (instead of reading the later ones, whose checkpoints
     * could not claim the failed one): a checkpoint then covers every record before it.
     */
    @Override
    public DeclarativeStream sequential() {
        return new DeclarativeStream(name, primaryKey, schema, cursor, planner, 1, true, exclusiveGroups);
    }

    /**
     * The same stream, read as {@code other} plans it (a {@code StateDelegatingStream} picks a stream per read); a
     * lambda planner reads the stream only as a whole.
     */
    DeclarativeStream withPlanner(Planner other) {
        return new DeclarativeStream(name, primaryKey, schema, cursor, other, concurrency, stopsAtFailure,
                exclusiveGroups);
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
                planner.isFileBased());
    }

    @Override
    public void read(ReadRequest request, StreamSink sink) {
        reader().read(plan(request.state()), planner.delivery(sink));
    }

    /** The router's partitions, read from the parents' beginning (so every parent record), each key once. */
    @Override
    public Optional<StreamPartitioning> partitioning() {
        return planner.partitioning(reader());
    }

    @Override
    public Optional<HistorySplitting> historySplitting() {
        return planner.historySplitting(reader());
    }

    private ConcurrentReader reader() {
        return new ConcurrentReader(name, concurrency, ConcurrentReader.DEFAULT_QUEUE_CAPACITY, stopsAtFailure);
    }
}
