package dev.sluice.source;

import java.util.List;

/**
 * Optional capability of a {@link Stream} ({@link Stream#partitioning()}): the stream consists of the partitions of
 * its partition router, such as the parent records of a substream, and each can be read on its own, with its own
 * state, so that several workers read one stream in parallel (the Kafka Connect adapter does).
 */
public interface StreamPartitioning {

    /**
     * Every partition of the stream now, in the order a whole read reads them, each key once. Partitions appear and
     * disappear as the data changes (a new parent record is a new partition), so callers list them again from time
     * to time; a partition's key stays the same meanwhile. May read other streams (a substream's parents) and take
     * as long as they do.
     *
     * @throws ConnectorException as {@link Stream#read} does, e.g. a {@code TRANSIENT_ERROR} while reading a parent
     */
    List<RouterPartition> partitions();

    /**
     * Reads one partition, listed by this or another process. Like {@link Stream#read}, but {@code request.state()}
     * and every checkpoint are the state of this partition alone: empty for a first read, then the last state this
     * method checkpointed for a partition with the same key.
     *
     * @throws ConnectorException as {@link Stream#read} does
     */
    void read(RouterPartition partition, ReadRequest request, StreamSink sink);
}
