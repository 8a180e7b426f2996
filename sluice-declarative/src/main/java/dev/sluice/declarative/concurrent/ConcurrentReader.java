package dev.sluice.declarative.concurrent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.declarative.incremental.StreamCursor;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the slices of one stream concurrently and delivers everything, in order, on the calling thread.
 *
 * <p>One generating thread pushes the cursor's slices to a pool of {@code concurrency} reading threads; at most
 * {@code 2 × concurrency} slices are submitted and not yet finished. Readers put records and "slice done" events in
 * one bounded queue, which the calling thread drains: it hands records to the sink and observes them with the cursor,
 * and closes a slice when its done event arrives — after all of the slice's records, since one reader puts both — so
 * a checkpoint always follows the records it covers. Memory is bounded by the queue and the permits: a full queue
 * blocks the readers, and the readers block the generator.
 *
 * <p>A failing slice is logged and the others go on; after the last slice the cursor's final checkpoint (which never
 * claims the failed slice) is delivered and the first failure is thrown. A reader that {@code stopsAtFailure} (one
 * that reads one slice at a time, for a consumer whose every checkpoint must cover every record before it) stops
 * at the first failure instead, without reading later slices or delivering a final checkpoint. Interrupting the calling thread stops the
 * read promptly: the pool and the generator are interrupted and a {@code TRANSIENT_ERROR} is thrown.
 */
public final class ConcurrentReader {

    /** Events waiting in the queue at most, across all readers: with full batches, 32 × 256 records. */
    public static final int DEFAULT_QUEUE_CAPACITY = 32;
    /**
     * Records a reader hands over at once. Handing them over one by one costs a lock and often a thread wake-up
     * per record, which dominated fast reads; a slice's remaining records go at its end.
     */
    static final int BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(ConcurrentReader.class);

    private final String streamName;
    private final int concurrency;
    private final int queueCapacity;
    private final boolean stopsAtFailure;

    public ConcurrentReader(String streamName, int concurrency, int queueCapacity) {
        this(streamName, concurrency, queueCapacity, false);
    }

    public ConcurrentReader(String streamName, int concurrency, int queueCapacity, boolean stopsAtFailure) {
        if (concurrency < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("concurrency and queue capacity must be positive");
        }
        this.streamName = streamName;
        this.concurrency = concurrency;
        this.queueCapacity = queueCapacity;
        this.stopsAtFailure = stopsAtFailure;
    }

    public ConcurrentReader(String streamName, int concurrency) {
        this(streamName, concurrency, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * Reads the plan into the sink.
     *
     * @throws ConnectorException the first slice failure (after the final checkpoint), or {@code TRANSIENT_ERROR}
     *                            when the calling thread was interrupted
     */
    public void read(ReadPlan plan, StreamSink sink) {
        plan.initialCheckpoint().ifPresent(sink::checkpoint);
        if (plan.cursor().singleSlice()) {
            readInline(plan, sink);
            return;
        }
        Run run = new Run(plan);
        try {
            run.start();
            run.drain(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "The read of stream " + streamName
                    + " was interrupted", e);
        } finally {
            run.stop();
        }
        if (!stopsAtFailure || run.failures.isEmpty()) {
            sink.checkpoint(plan.cursor().finalState());
        }
        run.throwFailures();
    }

    /**
     * A stream of one slice has nothing to read in parallel: it is read on the calling thread, without a thread,
     * a queue and a hand-over per batch of records, and so without a second copy of the records in flight. The
     * guarantees are those of the threaded read: the slice's checkpoint after its records, then the final one,
     * then the failure if there was one.
     */
    private void readInline(ReadPlan plan, StreamSink sink) {
        StreamCursor cursor = plan.cursor();
        List<StreamSlice> slices = new ArrayList<>(1);
        RuntimeException failure = null;
        try {
            cursor.slices(slices::add);
        } catch (RuntimeException e) {
            // As in the threaded read (and the reference's PartitionGenerationCompletedSentinel after a failed
            // generation): the final checkpoint still follows, then the failure.
            log.error("Generating the slices of stream {} failed: {}", streamName, e.getMessage());
            failure = e;
            if (stopsAtFailure) {
                throw failure;
            }
        }
        for (StreamSlice slice : slices) {
            try {
                plan.reader().read(slice, record -> {
                    sink.record(record);
                    cursor.observe(slice, record);
                });
                cursor.close(slice).ifPresent(sink::checkpoint);
            } catch (RuntimeException e) {
                log.error("A slice of stream {} failed ({}): {}", streamName, slice, e.getMessage());
                failure = failure == null ? e : failure;
                if (stopsAtFailure) {
                    throw failure;
                }
            }
        }
        sink.checkpoint(cursor.finalState());
        if (failure != null) {
            throw failure;
        }
    }

    /** What readers and the generator tell the delivering thread. */
    private sealed interface Event {
    }

    private record RecordsRead(StreamSlice slice, List<ObjectNode> records) implements Event {
    }

    private record SliceDone(StreamSlice slice) implements Event {
    }

    private record SliceFailed(StreamSlice slice, Throwable error) implements Event {
    }

    private record GenerationEnded(int slices, @Nullable Throwable error) implements Event {
    }

    /** Unwinds a reader or the generator whose thread was interrupted while waiting. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** One read: its threads, queue and failures. */
    private final class Run {
        private final ReadPlan plan;
        private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(queueCapacity);
        private final Semaphore permits = new Semaphore(2 * concurrency);
        private final ExecutorService readers;
        private final Thread generator;
        private final List<Throwable> failures = new ArrayList<>();

        Run(ReadPlan plan) {
            this.plan = plan;
            // Named after this read (no process-wide counter): its threads live and die with it.
            String prefix = "sluice-" + streamName + "-" + Integer.toHexString(System.identityHashCode(this));
            AtomicInteger threads = new AtomicInteger();
            this.readers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), task -> daemon(task, prefix + "-reader-" + threads.incrementAndGet()));
            this.generator = daemon(this::generate, prefix + "-slices");
        }

        void start() {
            generator.start();
        }

        private void generate() {
            int[] submitted = {0};
            Throwable error = null;
            try {
                plan.cursor().slices(slice -> {
                    acquire();
                    submitted[0]++;
                    readers.execute(() -> readSlice(slice));
                });
            } catch (Stopped stopped) {
                return;
            } catch (RuntimeException | Error failure) {
                // The generating thread must report every failure, or the delivering thread would wait forever.
                error = failure;
            }
            try {
                events.put(new GenerationEnded(submitted[0], error));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void readSlice(StreamSlice slice) {
            Batches batches = new Batches(slice);
            try {
                plan.reader().read(slice, batches);
                batches.flush();
                put(new SliceDone(slice));
            } catch (Stopped stopped) {
                return;
            } catch (RuntimeException | Error failure) {
                // A reading thread is a boundary: its failure is reported as the slice's, never lost. The records
                // read before the failure are delivered first: they are good data the retry of the slice would
                // otherwise be the only way to get.
                if (!Thread.currentThread().isInterrupted()) {
                    try {
                        batches.flush();
                    } catch (Stopped stopped) {
                        return;
                    }
                    put(new SliceFailed(slice, failure));
                }
            } finally {
                permits.release();
            }
        }

        /** Collects a slice's records into batches for the queue. */
        private final class Batches implements java.util.function.Consumer<ObjectNode> {
            private final StreamSlice slice;
            private List<ObjectNode> batch = new ArrayList<>(BATCH);

            Batches(StreamSlice slice) {
                this.slice = slice;
            }

            @Override
            public void accept(ObjectNode record) {
                batch.add(record);
                if (batch.size() == BATCH) {
                    flush();
                }
            }

            void flush() {
                if (!batch.isEmpty()) {
                    put(new RecordsRead(slice, batch));
                    batch = new ArrayList<>(BATCH);
                }
            }
        }

        private void acquire() {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }

        private void put(Event event) {
            try {
                events.put(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }

        void drain(StreamSink sink) throws InterruptedException {
            StreamCursor cursor = plan.cursor();
            int expected = -1;
            int finished = 0;
            while ((expected < 0 || finished < expected) && !(stopsAtFailure && !failures.isEmpty())) {
                Event event = events.take();
                if (event instanceof RecordsRead read) {
                    for (ObjectNode record : read.records()) {
                        sink.record(record);
                        cursor.observe(read.slice(), record);
                    }
                } else if (event instanceof SliceDone done) {
                    finished++;
                    cursor.close(done.slice()).ifPresent(sink::checkpoint);
                } else if (event instanceof SliceFailed failed) {
                    finished++;
                    failures.add(failed.error());
                    log.error("A slice of stream {} failed ({}): {}", streamName, failed.slice(),
                            failed.error().getMessage());
                } else if (event instanceof GenerationEnded ended) {
                    expected = ended.slices();
                    Throwable error = ended.error();
                    if (error != null) {
                        failures.add(error);
                        log.error("Generating the slices of stream {} failed: {}", streamName, error.getMessage());
                    }
                }
            }
        }

        void stop() {
            generator.interrupt();
            readers.shutdownNow();
        }

        void throwFailures() {
            if (failures.isEmpty()) {
                return;
            }
            Throwable first = failures.get(0);
            if (failures.size() == 1 && first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failures.size() == 1 && first instanceof Error error) {
                throw error;
            }
            String more = failures.size() == 1 ? "" : " (" + (failures.size() - 1) + " more slices failed)";
            if (first instanceof ConnectorException connector) {
                throw new ConnectorException(connector.failureType(), connector.userMessage() + more,
                        connector.getMessage() + more, connector);
            }
            throw new ConnectorException(FailureType.SYSTEM_ERROR, "An unexpected error occurred in stream "
                    + streamName + ": " + first.getClass().getSimpleName() + more, String.valueOf(first), first);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
