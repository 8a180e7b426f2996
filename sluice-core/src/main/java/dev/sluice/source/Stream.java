package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stream of a source: a name, a JSON schema, a primary key, and records read lazily into a
 * {@link StreamSink}. Memory must not grow with the number of records: deliver each record as it is read.
 *
 * <p>Three ways to give the schema, as the reference does: keep the default, which loads the classpath
 * resource {@code schemas/<name>.json} next to the stream's class with every {@code $ref} into
 * {@code schemas/shared/} inlined ({@link JsonSchemas#load}); override {@link #jsonSchema()} and build it in
 * code; or override it, call the default ({@code super.jsonSchema()}, or {@code Stream.super.jsonSchema()}
 * when implementing this interface directly) and edit the copy it returns.
 *
 * <p>Ready-made read loops: {@link IncrementalStream} (cursor state), {@link ResumableStream} (page
 * checkpoints) and, for HTTP APIs, {@code dev.sluice.http.HttpStream}.
 *
 * <p>Splitting (optional capabilities): a stream may also be read in independent parts, each with its own state, so
 * that several workers read one stream in parallel (the Kafka Connect adapter does): the partitions of its partition
 * router ({@link #partitioning()}) or ranges of its cursor history ({@link #historySplitting()}). Each is an
 * {@link Optional} of a small interface rather than a set of defaults that refuse, so a caller asks once whether the
 * stream can do it and no caller needs a cast. A stream that does not override them is read as a whole.
 */
public interface Stream {

    /** The stream name; by default the class name in snake_case ({@code EmployeeBenefits} → {@code employee_benefits}). */
    default String name() {
        return Names.snakeCase(getClass().getSimpleName());
    }

    /** The JSON schema of the records; a fresh copy that the caller may modify. */
    default ObjectNode jsonSchema() {
        return JsonSchemas.load(getClass(), name());
    }

    default PrimaryKey primaryKey() {
        return PrimaryKey.none();
    }

    /** The cursor field path for incremental reads; empty when the stream only supports full refresh. */
    default List<String> cursorField() {
        return List.of();
    }

    /** Whether the source decides the cursor (true) or the user may choose one. */
    default boolean sourceDefinedCursor() {
        return true;
    }

    /** Whether an interrupted full refresh can resume from a checkpoint. */
    default boolean isResumable() {
        return !cursorField().isEmpty();
    }

    default @Nullable String namespace() {
        return null;
    }

    /**
     * Reads the stream. Records and checkpoints go to {@code sink} in order; failures are thrown as
     * {@link ConnectorException}s (after the checkpoints of the work that did complete).
     */
    void read(ReadRequest request, StreamSink sink);

    /**
     * The stream's partitions, when it consists of partitions of a partition router that can be read on their own
     * (a substream's parent records). Empty by default: the stream is read as a whole, by {@link #read}.
     */
    default Optional<StreamPartitioning> partitioning() {
        return Optional.empty();
    }

    /**
     * How this incremental stream's history splits into ranges read on their own, for a first sync. Empty by default
     * (and for streams whose API requests do not carry a range).
     */
    default Optional<HistorySplitting> historySplitting() {
        return Optional.empty();
    }

    /**
     * This stream reading its slices one after another, so that every checkpoint covers every record before it (a
     * checkpoint of slices read concurrently leaves out the records already read of slices still in flight). Kafka
     * Connect's exactly-once delivery commits at checkpoints and needs that. By default the stream itself: a stream
     * that reads concurrently overrides it.
     */
    default Stream sequential() {
        return this;
    }

    /**
     * The groups of streams this one is never read at the same time as another stream of (a manifest's
     * {@code stream_groups}): its own group and those of the parent streams it reads its partitions from. A runner
     * that reads streams in parallel keeps the streams sharing a group apart; one that reads them one after
     * another honours it as it is. Empty by default.
     */
    default Set<String> exclusiveGroups() {
        return Set.of();
    }

    /** The catalog entry of this stream, as {@code discover} prints it. */
    default AirbyteStream toAirbyteStream() {
        List<SyncMode> modes = new ArrayList<>(List.of(SyncMode.FULL_REFRESH));
        boolean incremental = !cursorField().isEmpty();
        if (incremental) {
            modes.add(SyncMode.INCREMENTAL);
        }
        return new AirbyteStream(name(), jsonSchema(), modes,
                incremental ? sourceDefinedCursor() : null,
                incremental ? cursorField() : null,
                primaryKey().isEmpty() ? null : primaryKey().paths(),
                namespace(), isResumable(), null);
    }
}
