/**
 * Incremental sync: the {@code incremental_sync} cursors ({@code DatetimeBasedCursor},
 * {@code IncrementingCountCursor}), the state they read and write, the per-partition cursor used with a partition
 * router, and {@code state_migrations}. Cursor state follows the reference's concurrent cursor: a checkpoint claims
 * only work that is complete and contiguous from the start of the sync.
 */
@NullMarked
package dev.sluice.declarative.incremental;

import org.jspecify.annotations.NullMarked;
