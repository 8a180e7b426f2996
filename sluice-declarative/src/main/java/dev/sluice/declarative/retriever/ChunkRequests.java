package dev.sluice.declarative.retriever;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The requests of one page's property chunks: independent of each other, so they run concurrently on the run's
 * pool, at most {@code limit} at a time (a sliding window in chunk order), while the caller takes the results
 * in chunk order. A failed request fails the page when the caller reaches it; closing cancels what is still
 * running. With one chunk, or a limit of 1, requests run on the caller's thread.
 */
final class ChunkRequests<T> implements AutoCloseable {

    private final int count;
    private final int limit;
    private final IntFunction<T> request;
    private final List<Future<T>> futures = new ArrayList<>();
    private final boolean inline;
    private final @Nullable ExecutorService pool;

    /** {@code pool} is asked for only when requests run concurrently (so a run makes its pool only when needed). */
    ChunkRequests(Supplier<ExecutorService> pool, int count, int limit, IntFunction<T> request) {
        this.count = count;
        this.limit = limit;
        this.request = request;
        this.inline = count <= 1 || limit <= 1;
        this.pool = inline ? null : pool.get();
        if (!inline) {
            for (int index = 0; index < Math.min(count, limit); index++) {
                submit(index);
            }
        }
    }

    private void submit(int index) {
        futures.add(java.util.Objects.requireNonNull(pool).submit(() -> request.apply(index)));
    }

    /** The result of chunk {@code index}; call with 0, 1, 2... in order. */
    T await(int index) {
        if (inline) {
            return request.apply(index);
        }
        T result;
        try {
            result = futures.get(index).get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.TRANSIENT_ERROR,
                    "Interrupted while waiting for property chunk request " + (index + 1) + " of " + count, e);
        }
        if (index + limit < count) {
            submit(index + limit);
        }
        return result;
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new ConnectorException(FailureType.SYSTEM_ERROR, "A property chunk request failed: " + failure, failure);
    }

    @Override
    public void close() {
        futures.forEach(future -> future.cancel(true));
    }
}
