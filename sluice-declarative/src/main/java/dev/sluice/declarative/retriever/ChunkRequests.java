package dev.sluice.declarative.retriever;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The requests of one page's property chunks: independent of each other, so they run concurrently on a shared
 * pool, at most {@code limit} at a time (a sliding window in chunk order), while the caller takes the results
 * in chunk order. A failed request fails the page when the caller reaches it; closing cancels what is still
 * running. With one chunk, or a limit of 1, requests run on the caller's thread.
 */
final class ChunkRequests<T> implements AutoCloseable {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sluice-property-chunk-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final int count;
    private final int limit;
    private final IntFunction<T> request;
    private final List<Future<T>> futures = new ArrayList<>();
    private final boolean inline;

    ChunkRequests(int count, int limit, IntFunction<T> request) {
        this.count = count;
        this.limit = limit;
        this.request = request;
        this.inline = count <= 1 || limit <= 1;
        if (!inline) {
            for (int index = 0; index < Math.min(count, limit); index++) {
                submit(index);
            }
        }
    }

    private void submit(int index) {
        futures.add(POOL.submit(() -> request.apply(index)));
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
