/**
 * Error handling of declarative requesters: {@code DefaultErrorHandler} with {@code HttpResponseFilter}s and
 * backoff strategies, and {@code CompositeErrorHandler}. They classify each attempt for the core retry loop
 * ({@link dev.sluice.http.HttpExecutor}).
 */
@NullMarked
package dev.sluice.declarative.error;

import org.jspecify.annotations.NullMarked;
