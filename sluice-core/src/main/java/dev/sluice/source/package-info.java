/**
 * The programmatic Stream API: a {@link dev.sluice.source.Source} is a spec, a connection check and a set of
 * {@link dev.sluice.source.Stream}s, each of which reads its records lazily into a
 * {@link dev.sluice.source.StreamSink} and checkpoints its {@link dev.sluice.source.StreamState}.
 */
@NullMarked
package dev.sluice.source;

import org.jspecify.annotations.NullMarked;
