package dev.sluice.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.RunContext;
import dev.sluice.source.StreamPartition;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's reading thread: reads its units one after another into a bounded queue (a full queue blocks the
 * source: back-pressure), then, for incremental units, again after the sync interval. Full-refresh units and
 * bounded ranges are read once. It stops at the first failure (reported as an event) or when interrupted.
 *
 * <p>A checkpoint is passed on only when the next record comes or the read ends, and checkpoints without records
 * between them are merged into the last: so the read's final checkpoint is known as such ({@code last}), and when
 * a read fails a final checkpoint that claims the whole stream (the {@code no cursor} state a declarative stream
 * emits even after a failure) is dropped, since it is not true.
 */
final class TaskReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TaskReader.class);

    private final List<UnitPlan> plans;
    private final BlockingQueue<ReadEvent> queue;
    private final long syncIntervalMillis;
    private final Clock clock;
    private final RunContext run;
    private final StreamMetrics metrics;

    TaskReader(List<UnitPlan> plans, BlockingQueue<ReadEvent> queue, long syncIntervalMillis, Clock clock,
            RunContext run) {
        this.run = run;
        this.metrics = run.service(StreamMetrics.SERVICE);
        this.plans = new ArrayList<>(plans);
        this.queue = queue;
        this.syncIntervalMillis = syncIntervalMillis;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            while (true) {
                boolean again = false;
                for (int i = 0; i < plans.size(); i++) {
                    UnitPlan plan = plans.get(i);
                    if (plan.finished()) {
                        continue;
                    }
                    plans.set(i, plan.after(read(plan)));
                    again |= plan.rereads();
                }
                if (!again || syncIntervalMillis < 0) {
                    return;
                }
                Thread.sleep(syncIntervalMillis);
            }
        } catch (InterruptedException | Stopped e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one unit; returns the last state it checkpointed. */
    private StreamState read(UnitPlan plan) throws InterruptedException {
        QueueSink sink = new QueueSink(plan.unit(), plan.start());
        metrics.reading(plan.unit().stream());
        SyncMode mode = plan.incremental() ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH;
        ReadRequest request = new ReadRequest(mode, plan.start(), null, run);
        try {
            StreamPartition partition = plan.unit().partition();
            if (partition == null) {
                plan.stream().read(request, sink);
            } else {
                partition.readFrom(plan.stream(), request, sink);
            }
        } catch (Stopped stopped) {
            throw stopped;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped");
            }
            log.warn("Reading {} failed: {}", plan.unit().describe(), e.getMessage());
            sink.failed();
            queue.put(new ReadEvent.Failure(plan.unit(), e));
            throw new Stopped();
        }
        sink.completed(plan.incremental());
        queue.put(new ReadEvent.Done(plan.unit(), plan.rereads() && syncIntervalMillis >= 0));
        return sink.last;
    }

    /** Puts a unit's records and checkpoints on the queue, blocking when it is full. */
    private final class QueueSink implements StreamSink {
        private final WorkUnit unit;
        private StreamState last;
        private @Nullable StreamState pending;
        private boolean checkpointed;
        /** Records put since the last checkpoint was put: what a pending checkpoint covers. */
        private long recordsSinceCheckpoint;

        QueueSink(WorkUnit unit, StreamState start) {
            this.unit = unit;
            this.last = start;
        }

        @Override
        public void record(ObjectNode data) {
            flush();
            metrics.recordRead(unit.stream());
            put(new ReadEvent.Record(unit, data, clock.millis()));
            recordsSinceCheckpoint++;
        }

        @Override
        public void checkpoint(StreamState state) {
            metrics.checkpointed(unit.stream());
            pending = state;
            checkpointed = true;
        }

        private void flush() {
            if (pending != null) {
                put(new ReadEvent.Checkpoint(unit, pending, false));
                last = pending;
                pending = null;
                recordsSinceCheckpoint = 0;
            }
        }

        /** The read ended well: its last state is final. A full refresh that never checkpointed read everything. */
        void completed(boolean incremental) {
            StreamState state = pending != null ? pending
                    : !checkpointed && !incremental ? StreamState.noCursor() : last;
            pending = null;
            put(new ReadEvent.Checkpoint(unit, state, true));
            last = state;
        }

        /**
         * A failed read keeps its last checkpoint only when it covers records put after the stored one: the final
         * state a stream writes after failing to build its cursor or slices (its cursor's initial shape) covers none,
         * and must not replace the progress already stored.
         */
        void failed() {
            if (pending != null && (UnitPlan.completes(pending) || recordsSinceCheckpoint == 0)) {
                log.warn("Not keeping the final state of {}: its read failed", unit.describe());
                pending = null;
            }
            flush();
        }

        private void put(ReadEvent event) {
            try {
                queue.put(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
        }
    }

    /** Unwinds the source's read when the task stops; not a failure. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
