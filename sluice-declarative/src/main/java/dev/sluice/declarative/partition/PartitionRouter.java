package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.StreamSlice;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Splits a stream into partitions (the reference's {@code PartitionRouter}). One instance serves one read.
 *
 * <p>{@link #partitions} runs on one thread and may read parent streams while it pushes; {@link #requestOptions}
 * is called from reading threads and must be thread-safe.
 */
public interface PartitionRouter {

    /**
     * Pushes every partition, in order: slices with a partition, extra fields and an empty cursor slice.
     * {@code out} may block.
     */
    void partitions(Consumer<StreamSlice> out);

    /** The request options of a partition (e.g. the parent id as a query parameter). */
    RequestOptions requestOptions(StreamSlice slice);

    /**
     * The parent streams' state as {@code parent_state} stores it ({@code {<parent name>: <state>}}), read while a
     * partition is being pushed; null for routers without parent streams.
     */
    default @Nullable ObjectNode parentState() {
        return null;
    }

    /** Whether a per-partition cursor must keep one global state ({@code GroupingPartitionRouter}). */
    default boolean forcesGlobalCursor() {
        return false;
    }
}
