/**
 * Memos of pure functions (compiled templates, patterns, loaded schemas) that may be kept in static fields:
 * equal keys give equal values whichever source asks, so nothing one source learns reaches another, and a bound
 * keeps a long-running Kafka Connect worker's memory flat. Anything that depends on a run belongs in the run.
 */
@NullMarked
package dev.sluice.memo;

import org.jspecify.annotations.NullMarked;
