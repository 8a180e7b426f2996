package dev.sluice.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A part of a stream that can be read on its own, with its own state, by {@link Stream#readPartition}: one
 * partition of the stream's partition router (a parent record, a value of a list), listed by
 * {@link Stream#partitions()}, or one closed range of its cursor values, from {@link Stream#splitHistory}.
 *
 * <p>A partition is a plain value: one process may list partitions and others read them, so callers pass
 * {@code key}, {@code descriptor} and {@code bounded} on as they are (e.g. as JSON) and rebuild the partition
 * with this constructor. The descriptor must not be mutated.
 *
 * @param key        the partition's identity, stable across reads, restarts and processes: the same partition listed
 *                   again has the same key, and two partitions of a stream never share one (for a router partition,
 *                   its JSON with sorted keys, e.g. {@code {"department_id":3,"parent_slice":{}}})
 * @param descriptor what the stream needs to read the partition; opaque to callers. It may carry more than the key
 *                   identifies, such as fields of the parent record that the partition's requests use, so two
 *                   listings of one partition may have different descriptors
 * @param bounded    true when the partition is finished for good once read to its end (a closed range of cursor
 *                   values); false when a later read may find new or changed records
 */
public record StreamPartition(String key, ObjectNode descriptor, boolean bounded) {

    public StreamPartition {
        requireNonNull(key, "key is null");
        requireNonNull(descriptor, "descriptor is null");
    }
}
