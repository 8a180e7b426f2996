/**
 * Runs any Sluice source — a code-first {@link dev.sluice.source.Source} class or a declarative manifest — as a
 * Kafka Connect source connector. Work is split into units (a stream, or one partition of a stream) spread over
 * the tasks; each unit's Airbyte state is its Connect source offset, so a restarted or rebalanced task resumes
 * where the last committed offset says (at least once). This package sees only the {@code Source} interface.
 */
@NullMarked
package dev.sluice.kafka;

import org.jspecify.annotations.NullMarked;
