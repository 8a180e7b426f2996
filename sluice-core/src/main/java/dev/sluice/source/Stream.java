package dev.sluice.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.AirbyteStream;
import dev.sluice.protocol.SyncMode;
import java.util.ArrayList;
import dev.sluice.protocol.FailureType;
import java.util.List;
import java.util.Optional;
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
 * <p>Splitting (optional): a stream may also be read in independent parts, each with its own state, so that
 * several workers read one stream in parallel (the Kafka Connect adapter does): the partitions of its partition
 * router ({@link #isPartitioned}, {@link #partitions()}) or ranges of its cursor history ({@link #splitHistory}),
 * each read by {@link #readPartition}. A stream that does not override these is read as a whole.
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
     * Whether the stream consists of partitions that can be read on their own ({@link #partitions()}), such as the
     * parent records of a substream. False by default: the stream is read as a whole, by {@link #read}.
     */
    default boolean isPartitioned() {
        return false;
    }

    /**
     * Every partition of the stream now, in the order a whole read reads them, each key once. Partitions appear and
     * disappear as the data changes (a new parent record is a new partition), so callers list them again from time
     * to time; a partition's key stays the same meanwhile. May read other streams (a substream's parents) and take
     * as long as they do. Empty for a stream that is not {@linkplain #isPartitioned partitioned}.
     *
     * @throws ConnectorException as {@link #read} does, e.g. a {@code TRANSIENT_ERROR} while reading a parent
     */
    default List<StreamPartition> partitions() {
        return List.of();
    }

    /**
     * Splits the history of this incremental stream, for a first sync (no state yet), into {@code count} contiguous
     * parts of about equal length: {@code count - 1} closed ranges of cursor values and the rest, from which the
     * stream reads on incrementally. The split is decided once, when called: a caller that reads the parts over
     * several runs stores it. Empty when the stream cannot be split this way (the default, and for streams whose API
     * requests do not carry a range), when {@code count < 2}, or when its history is too short.
     */
    default Optional<HistorySplit> splitHistory(int count) {
        return Optional.empty();
    }

    /**
     * Reads one partition: one of {@link #partitions()}, or a range of a {@link #splitHistory}. Like {@link #read},
     * but {@code request.state()} and every checkpoint are the state of this partition alone: empty for a first
     * read, then the last state this method checkpointed for a partition with the same key. The default refuses:
     * a stream that lists partitions overrides it.
     *
     * @throws ConnectorException as {@link #read} does; {@code SYSTEM_ERROR} for a partition this stream cannot read
     */
    default void readPartition(StreamPartition partition, ReadRequest request, StreamSink sink) {
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "Stream " + name() + " cannot read partitions",
                "Stream " + name() + " (" + getClass().getName() + ") has no partitions; asked for " + partition.key(),
                null);
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
