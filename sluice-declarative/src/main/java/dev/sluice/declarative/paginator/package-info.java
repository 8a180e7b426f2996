/**
 * Pagination: {@code DefaultPaginator} with its strategies ({@code CursorPagination}, {@code OffsetIncrement},
 * {@code PageIncrement}) and {@code NoPagination}.
 */
@NullMarked
package dev.sluice.declarative.paginator;

import org.jspecify.annotations.NullMarked;
