package dev.sluice.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.SyncMode;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.ReadRequest;
import dev.sluice.source.StreamSink;
import dev.sluice.source.StreamState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's reading thread: reads its units one after another into a bounded queue (a full queue blocks the
 * source: back-pressure), then, for incremental streams, again after the sync interval. Full-refresh units are
 * read once. It stops at the first failure (reported as an event) or when interrupted.
 */
final class TaskReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TaskReader.class);

    private final List<UnitPlan> plans;
    private final BlockingQueue<ReadEvent> queue;
    private final long syncIntervalMillis;
    private final Clock clock;

    TaskReader(List<UnitPlan> plans, BlockingQueue<ReadEvent> queue, long syncIntervalMillis, Clock clock) {
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
                    if (plan.finishedFullRefresh()) {
                        continue;
                    }
                    StreamState last = read(plan);
                    plans.set(i, new UnitPlan(plan.unit(), plan.stream(), last));
                    again |= plan.incremental();
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
        SyncMode mode = plan.incremental() ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH;
        try {
            plan.stream().read(new ReadRequest(mode, plan.start(), null), sink);
        } catch (Stopped stopped) {
            throw stopped;
        } catch (ConnectorException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped");
            }
            log.warn("Reading stream {} failed: {}", plan.unit().stream(), e.getMessage());
            queue.put(new ReadEvent.Failure(plan.unit(), e));
            throw new Stopped();
        } catch (RuntimeException e) {
            queue.put(new ReadEvent.Failure(plan.unit(), e));
            throw new Stopped();
        }
        if (!sink.checkpointed) {
            sink.checkpoint(StreamState.noCursor());
        }
        queue.put(new ReadEvent.Done(plan.unit()));
        return sink.last;
    }

    /** Puts a stream's records and checkpoints on the queue, blocking when it is full. */
    private final class QueueSink implements StreamSink {
        private final WorkUnit unit;
        private StreamState last;
        private boolean checkpointed;

        QueueSink(WorkUnit unit, StreamState start) {
            this.unit = unit;
            this.last = start;
        }

        @Override
        public void record(ObjectNode data) {
            put(new ReadEvent.Record(unit, data, clock.millis()));
        }

        @Override
        public void checkpoint(StreamState state) {
            put(new ReadEvent.Checkpoint(unit, state));
            last = state;
            checkpointed = true;
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
