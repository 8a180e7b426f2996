package dev.sluice.sync;

import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.AirbyteStateMessage;
import dev.sluice.protocol.AirbyteTrace;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.MessageSink;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Hands the source's messages to a loader thread through a bounded queue, so that reading (HTTP, parsing) and
 * loading (converting, appending) use two cores. Order is kept. Records travel in batches (a hand-over per record
 * would wake the loader thread for each); a STATE ends a batch, so that a slow source still commits promptly. A TRACE is a barrier: the source thread waits
 * until the loader has handled it, so a stream's COMPLETE returns only once its last commit is done. A loading
 * failure is thrown on the source thread at its next message, inside the stream's failure boundary, and the
 * stream's remaining records are dropped until the runner reports the stream INCOMPLETE.
 */
final class PipelinedSink implements MessageSink, AutoCloseable {

    private static final int CAPACITY = 16;
    private static final int BATCH = 512;

    /** Messages to handle in order, and the latch of a barrier. */
    private record Item(List<AirbyteMessage> messages, @Nullable CountDownLatch handled) {
    }

    private static final Item STOP = new Item(List.of(), null);

    private final MessageSink loader;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile @Nullable RuntimeException failure;
    private boolean failureThrown;
    private List<AirbyteMessage> batch = new ArrayList<>(BATCH);

    PipelinedSink(MessageSink loader) {
        this.loader = loader;
        this.thread = new Thread(this::loop, "sluice-loader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void accept(AirbyteMessage message) {
        boolean barrier = message instanceof AirbyteTrace;
        RuntimeException failed = failure;
        if (failed != null && !barrier && !failureThrown) {
            failureThrown = true;
            throw failed;
        }
        batch.add(message);
        if (!barrier) {
            if (batch.size() >= BATCH || message instanceof AirbyteStateMessage) {
                handOver(null);
            }
            return;
        }
        CountDownLatch handled = new CountDownLatch(1);
        handOver(handled);
        await(handled);
        RuntimeException afterBarrier = failure;
        if (afterBarrier != null && !failureThrown) {
            failureThrown = true;
            throw afterBarrier;
        }
    }

    private void handOver(@Nullable CountDownLatch handled) {
        List<AirbyteMessage> full = batch;
        batch = new ArrayList<>(BATCH);
        put(new Item(full, handled));
    }

    private void loop() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            try {
                for (AirbyteMessage message : item.messages()) {
                    // After a failure only the stream's INCOMPLETE gets through: a COMPLETE must not commit a
                    // stream whose records were dropped.
                    if (failure == null || isIncomplete(message)) {
                        handle(message);
                    }
                }
            } finally {
                if (item.handled() != null) {
                    item.handled().countDown();
                }
            }
        }
    }

    private static boolean isIncomplete(AirbyteMessage message) {
        return message instanceof AirbyteTrace trace && trace.streamStatus() != null
                && trace.streamStatus().status() == AirbyteTrace.StreamStatus.INCOMPLETE;
    }

    private void handle(AirbyteMessage message) {
        if (isIncomplete(message)) {
            // The runner has seen the failure (or one of its own): the next stream starts clean.
            failure = null;
            failureThrown = false;
        }
        try {
            loader.accept(message);
        } catch (RuntimeException e) {
            // A thread boundary: the failure travels to the source thread, which fails the stream with it.
            failure = e;
        } catch (Error e) {
            // Also errors: a dead loader thread would leave the source thread blocked on a full queue.
            failure = new ConnectorException(FailureType.SYSTEM_ERROR, "Loading failed: " + e, e);
        }
    }

    private void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The sync was interrupted", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "The sync was interrupted", e);
        }
    }

    /** Lets the loader finish what is queued, then stops it. */
    @Override
    public void close() {
        if (!batch.isEmpty()) {
            handOver(null);
        }
        put(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
