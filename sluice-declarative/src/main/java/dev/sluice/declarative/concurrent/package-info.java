/**
 * The concurrent read engine: the partitions of one stream are read by a bounded pool while a single thread
 * delivers records and checkpoints, in order, to the stream's sink.
 */
@NullMarked
package dev.sluice.declarative.concurrent;

import org.jspecify.annotations.NullMarked;
