package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * One partition of a stream's partition router (a parent record of a substream, a value of a list), listed by
 * {@link StreamPartitioning#partitions()}. Never {@linkplain #bounded() bounded}: reading it again may find new
 * records. The JSON values must not be mutated.
 *
 * @param key         the partition's identity: its {@code values} as JSON with sorted keys, e.g.
 *                    {@code {"department_id":3,"parent_slice":{}}}
 * @param values      the router's partition values, as the stream's requests use them
 * @param extraFields what the router adds beyond the identity (fields of the parent record that requests use), so
 *                    two listings of one partition may differ here
 */
public record RouterPartition(String key, ObjectNode values, ObjectNode extraFields) implements StreamPartition {

    public RouterPartition {
        requireNonNull(key, "key is null");
        requireNonNull(values, "values is null");
        requireNonNull(extraFields, "extraFields is null");
    }

    @Override
    public boolean bounded() {
        return false;
    }

    @Override
    public void readFrom(Stream stream, ReadRequest request, StreamSink sink) {
        stream.partitioning().orElseThrow(() -> StreamPartition.unreadable(stream, this)).read(this, request, sink);
    }

    @Override
    public <R> R match(Function<? super RouterPartition, ? extends R> router,
            Function<? super HistoryRange, ? extends R> range) {
        return router.apply(this);
    }
}
