/**
 * Error handling of declarative requesters: {@code DefaultErrorHandler} with {@code HttpResponseFilter}s and
 * backoff strategies, and {@code CompositeErrorHandler}. Each builds a {@link dev.sluice.http.ErrorHandler}: a
 * classifier of each attempt and a {@link dev.sluice.http.RetryPolicy}, for the core retry chain
 * ({@link dev.sluice.http.HttpExecutor}).
 */
@NullMarked
package dev.sluice.declarative.error;

import org.jspecify.annotations.NullMarked;
