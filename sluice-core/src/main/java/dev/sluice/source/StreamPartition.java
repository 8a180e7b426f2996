package dev.sluice.source;

import dev.sluice.protocol.FailureType;
import java.util.function.Function;

/**
 * A part of a stream that can be read on its own, with its own state: a {@link RouterPartition} of the stream's
 * partition router ({@link StreamPartitioning}), or a {@link HistoryRange} of its cursor values
 * ({@link HistorySplitting}).
 *
 * <p>A partition is a plain value: one process may list partitions and others read them, so callers may store them
 * (e.g. as JSON) and rebuild them with the records' constructors.
 */
public sealed interface StreamPartition permits RouterPartition, HistoryRange {

    /**
     * The partition's identity, stable across reads, restarts and processes: the same partition listed again has the
     * same key, and two partitions of a stream never share one.
     */
    String key();

    /**
     * True when the partition is finished for good once read to its end (a closed range of cursor values); false
     * when a later read may find new or changed records.
     */
    boolean bounded();

    /**
     * Reads this partition of {@code stream} through the stream's capability for its kind, with
     * {@code request.state()} and every checkpoint the state of this partition alone.
     *
     * @throws ConnectorException as {@link Stream#read} does; {@code SYSTEM_ERROR} when the stream has no such
     *                            capability
     */
    void readFrom(Stream stream, ReadRequest request, StreamSink sink);

    /**
     * This partition by its kind, for code that stores or shows partitions: exhaustive, so that a new kind fails to
     * compile wherever it is not handled (Java 17 has no exhaustive {@code switch} over sealed types).
     */
    <R> R match(Function<? super RouterPartition, ? extends R> router,
            Function<? super HistoryRange, ? extends R> range);

    /** The failure of a stream asked for a partition of a kind it cannot read. */
    static ConnectorException unreadable(Stream stream, StreamPartition partition) {
        return new ConnectorException(FailureType.SYSTEM_ERROR, "Stream " + stream.name() + " cannot read partitions",
                "Stream " + stream.name() + " (" + stream.getClass().getName() + ") has no partitions; asked for "
                        + partition.key(), null);
    }
}
