/**
 * Partition routers ({@code partition_router}): list values, parent-stream records (substreams), groups of
 * partitions, unions, and the cartesian product of several routers. A router pushes partitions to a sink in order,
 * reading parent streams as it goes, and contributes the request options of a partition.
 */
@NullMarked
package dev.sluice.declarative.partition;

import org.jspecify.annotations.NullMarked;
