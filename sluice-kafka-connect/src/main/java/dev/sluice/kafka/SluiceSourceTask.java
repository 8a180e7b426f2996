package dev.sluice.kafka;

import dev.sluice.http.RunTraffic;
import dev.sluice.http.SourceBudget;
import dev.sluice.loader.SourceLoader;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RunContext;
import dev.sluice.source.Source;
import dev.sluice.source.Stream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this task's units (whole streams, partitions of streams, ranges of split histories; see {@link WorkUnit})
 * on a background thread and hands their records to Connect.
 *
 * <p>Offsets: each record carries its unit's state to resume from so that it is read again (the last checkpoint
 * before it). The record just before a checkpoint is held back until the checkpoint arrives and then carries that
 * checkpoint, so committing it commits the checkpoint: Connect commits a source partition's offset only once every
 * earlier record of the task is acknowledged, so a restart resumes each unit at its last committed checkpoint and
 * loses nothing (at least once). A stored offset of another split than the unit's is ignored (the unit starts from
 * scratch), and a bounded unit whose offset says it was read to its end is not read again.
 *
 * <p>Exactly once: when the worker runs the task with {@code exactly.once.source.support=enabled} and the connector
 * with {@code transaction.boundary=connector}, each record that carries a checkpoint ends a Kafka transaction, which
 * commits the records since the previous checkpoint together with the new offset ({@link CheckpointTransactions}).
 * Streams are then read {@linkplain Stream#sequential() one slice at a time}, so that a checkpoint covers every
 * record before it (parallelism comes from the units, spread over tasks). A held record waits for its checkpoint
 * however long that takes, and the records after the last checkpoint
 * of a failed read are dropped and their open transaction aborted instead of handed out, so a restart from the
 * last committed checkpoint duplicates nothing. A transaction open for longer than
 * {@code sluice.transaction.timeout.ms} (a unit that checkpoints too rarely) is aborted and its unit read again from
 * its last checkpoint; when that happens twice in a row the task fails, naming the settings to raise.
 *
 * <p>Errors (STYLE.md §3.5): a transient failure is a {@link RetriableException} and the next {@code poll()}
 * resumes the failed unit from its last checkpoint; any other failure is a {@link ConnectException}. Their
 * messages (and those of their causes) are masked with the config's secrets and those this task obtained.
 *
 * <p>Each task is one run ({@link RunContext}): its secrets, HTTP transport and threads are its own, and
 * {@link #stop()} closes it. Two tasks in one worker, of one connector or of two, share none of them.
 */
public final class SluiceSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(SluiceSourceTask.class);

    private SluiceConnectorConfig config;
    /** Every unit of the task, in the order it was given them. */
    private final Map<WorkUnit, UnitProgress> progress = new LinkedHashMap<>();
    private BlockingQueue<ReadEvent> queue;
    private CheckpointTransactions transactions;
    /** Written by poll() and read by stop(), which Connect calls from another thread. */
    private volatile @Nullable Thread reader;
    private @Nullable SourceRecord held;
    private @Nullable RuntimeException pendingFailure;
    private volatile @Nullable RunContext run;
    /** Set first thing in stop(): from then on no poll() starts a reader (it would read in a closed run). */
    private volatile boolean stopping;
    private volatile @Nullable RunMasker masker;
    /** Starting a reader and stop() taking the reader to end exclude each other, so no reader outlives stop(). */
    private final Object readerLock = new Object();

    @Override
    public String version() {
        return SluiceSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> settings) {
        config = new SluiceConnectorConfig(settings);
        TaskAssignments.Assignment assignment = TaskAssignments.Assignment.of(settings);
        List<WorkUnit> units = new ArrayList<>(assignment.units());
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        transactions = new CheckpointTransactions(context.transactionContext(), config.transactionTimeoutMillis());
        Map<String, Stream> streams = new HashMap<>();
        RunContext current = RunContext.named("task-" + settings.getOrDefault("name", "unnamed") + "-"
                + (!units.isEmpty() ? units.get(0).describe()
                        : assignment.slices().isEmpty() ? "idle" : assignment.slices().get(0).stream()));
        // Before the source builds its HTTP executors: every request of this task waits for its share of the
        // connector's rate limit and counts in its stream's metrics.
        StreamMetrics metrics = new StreamMetrics(Clock.systemUTC());
        current.preset(StreamMetrics.SERVICE, metrics);
        RateShare share = RateShare.of(settings);
        current.preset(RunTraffic.SERVICE, new RunTraffic(share.limiter(config), metrics));
        // The manifest's own API budget is divided the same way: each task keeps to its share of it.
        current.preset(SourceBudget.SERVICE, SourceBudget.sharing(share.fraction()));
        run = current;
        RunMasker masking = new RunMasker(current);
        masker = masking;
        try {
            Source source = new SourceLoader(SluiceConnectorConfig.class.getClassLoader()).load(config.source());
            masking = masking.withSecretsOf(source, config.sourceConfig());
            masker = masking;
            for (Stream stream : source.streams(config.sourceConfig(), current)) {
                // Exactly once commits at checkpoints, so each must cover every record before it.
                streams.put(stream.name(), transactions.exactlyOnce() ? stream.sequential() : stream);
            }
        } catch (ConnectorException e) {
            throw masking.connectException("Cannot start the source", e);
        }
        for (TaskAssignments.Slice slice : assignment.slices()) {
            Stream stream = streams.get(slice.stream());
            if (stream == null) {
                throw new ConnectException("The source has no stream '" + slice.stream() + "'");
            }
            try {
                units.addAll(slice.units(stream));
            } catch (ConnectorException e) {
                throw masking.connectException("Cannot list the partitions of stream " + slice.stream(), e);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        units.forEach(unit -> names.add(unit.stream()));
        assignment.slices().forEach(slice -> names.add(slice.stream()));
        metrics.register(context.pluginMetrics(), names);
        Map<String, RecordConverter> converters = new HashMap<>();
        for (WorkUnit unit : units) {
            Stream stream = streams.get(unit.stream());
            if (stream == null) {
                throw new ConnectException("The source has no stream '" + unit.stream() + "'");
            }
            RecordConverter converter = converters.computeIfAbsent(unit.stream(), name -> new RecordConverter(
                    config.topicFor(name), stream.primaryKey(),
                    config.valueSchemas() ? SchemaConverter.valueSchema(name, stream.jsonSchema()) : null));
            Map<String, Object> stored = context.offsetStorageReader().offset(unit.sourcePartition());
            progress.put(unit, UnitProgress.resume(unit, stream, converter, OffsetCodec.decode(stored),
                    transactions.exactlyOnce() ? CheckpointBoundary.of(stream.cursorField(), stored) : null));
        }
        startReader();
    }

    /** Starts reading the unfinished units; returns false, starting nothing, once the task is stopping. */
    private boolean startReader() {
        List<UnitPlan> plans = new ArrayList<>();
        for (UnitProgress unit : progress.values()) {
            if (!unit.finished()) {
                plans.add(unit.plan());
            }
        }
        String units = progress.isEmpty() ? "idle"
                : progress.keySet().iterator().next().describe() + "+" + (progress.size() - 1);
        synchronized (readerLock) {
            RunContext current = run;
            if (stopping || current == null || current.isClosed()) {
                return false;
            }
            Thread thread = new Thread(new TaskReader(plans, queue, config.syncIntervalMillis(), Clock.systemUTC(),
                    current), "sluice-reader-" + units);
            thread.setDaemon(true);
            thread.start();
            reader = thread;
            return true;
        }
    }

    /** Whether stop() was called, or the run ended: then poll() hands out nothing and reads nothing. */
    private boolean stopped() {
        RunContext current = run;
        return stopping || current == null || current.isClosed();
    }

    @Override
    public @Nullable List<SourceRecord> poll() throws InterruptedException {
        if (stopped()) {
            return null;
        }
        if (transactions.expired(System.currentTimeMillis())) {
            abortExpiredTransaction();
            return null;
        }
        if (pendingFailure != null) {
            // Thrown only after the records read before the failure went out with the previous poll.
            RuntimeException failure = pendingFailure;
            pendingFailure = null;
            throw failure;
        }
        Thread current = reader;
        if (current == null || (!current.isAlive() && queue.isEmpty())) {
            if (held != null && !transactions.exactlyOnce()) {
                return List.of(release());
            }
            if (current != null && allFinished()) {
                // Nothing left to read; Connect keeps polling, so idle briefly instead of spinning.
                Thread.sleep(1_000);
                return null;
            }
            if (!startReader()) {
                return null;
            }
        }
        Batch batch = new Batch();
        ReadEvent first = queue.poll(transactions.waitMillis(System.currentTimeMillis(), 1_000), TimeUnit.MILLISECONDS);
        if (transactions.expired(System.currentTimeMillis())) {
            // What came too late (a checkpoint included) is dropped with the queue: the broker may have aborted.
            abortExpiredTransaction();
            return null;
        }
        if (first == null) {
            // At least once, a record need not wait for a checkpoint; exactly once, it carries the next one.
            return held == null || transactions.exactlyOnce() ? null : List.of(release());
        }
        first.accept(batch);
        while (batch.records.size() < config.pollBatch() && pendingFailure == null) {
            ReadEvent next = queue.poll();
            if (next == null) {
                break;
            }
            next.accept(batch);
        }
        if (batch.records.isEmpty() && pendingFailure != null) {
            return poll();
        }
        return batch.records.isEmpty() ? null : batch.records;
    }

    /** The records of one poll, as the events give them. */
    private final class Batch implements ReadEvent.Handler {
        private final List<SourceRecord> records = new ArrayList<>();
        /** How many of the records end with a checkpoint: exactly once, the rest are open. */
        private int committed;

        /** Holds the record back: should a checkpoint follow, the record carries it. */
        @Override
        public void record(ReadEvent.Record record) {
            SourceRecord next = progress.get(record.unit()).record(record);
            if (next == null) {
                return;
            }
            if (held != null) {
                records.add(held);
                transactions.handedOut(System.currentTimeMillis());
            }
            held = next;
        }

        @Override
        public void checkpoint(ReadEvent.Checkpoint checkpoint) {
            WorkUnit unit = checkpoint.unit();
            Map<String, Object> offset = progress.get(unit).checkpoint(checkpoint);
            if (held != null && held.sourcePartition().equals(unit.sourcePartition())) {
                SourceRecord carrier = RecordConverter.withOffset(held, offset);
                records.add(carrier);
                transactions.checkpointed(carrier);
                committed = records.size();
                held = null;
            }
        }

        @Override
        public void done(ReadEvent.Done done) {
            if (!done.again()) {
                progress.get(done.unit()).finish();
            }
        }

        @Override
        public void failure(ReadEvent.Failure failure) {
            if (transactions.exactlyOnce()) {
                // The unit is read again from its last checkpoint: what came after it must not be written.
                held = null;
                progress.values().forEach(UnitProgress::rewind);
                List<SourceRecord> dropped = records.subList(committed, records.size());
                transactions.dropped(dropped.size());
                dropped.clear();
                transactions.abort();
            } else if (held != null) {
                records.add(release());
            }
            reader = null;
            pendingFailure = translate(failure);
        }
    }

    /**
     * The open transaction waited too long for its unit's next checkpoint: stops the reader, drops what it read
     * past the last checkpoint and aborts the transaction, so that the next poll reads the unit again from there.
     * The second time in a row without a checkpoint between them, the unit cannot checkpoint in time: fails.
     */
    private void abortExpiredTransaction() {
        int times = transactions.expiredAgain();
        Thread thread;
        synchronized (readerLock) {
            thread = reader;
            reader = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // A new queue: a reader still stuck in a request after the join can only fill the old one.
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
        held = null;
        pendingFailure = null;
        progress.values().forEach(UnitProgress::rewind);
        transactions.abort();
        String message = "A transaction waited more than " + transactions.timeoutMillis() + " ms for the next "
                + "checkpoint of its unit";
        if (times >= 2) {
            throw new ConnectException(message + ", twice in a row: the source checkpoints too rarely for exactly-once "
                    + "delivery. Raise " + SluiceConnectorConfig.TRANSACTION_TIMEOUT_MS + " together with "
                    + "producer.override.transaction.timeout.ms (at most the brokers' transaction.max.timeout.ms)");
        }
        log.warn("{}; aborted it, reading the unit again from its last checkpoint", message);
    }

    private boolean allFinished() {
        return progress.values().stream().allMatch(UnitProgress::finished);
    }

    /**
     * Every unit was read to its end and every record handed out: with a sync interval of -1, nothing more comes.
     * Called on the polling thread (tests wait for it instead of for a quiet period).
     */
    boolean drained() {
        return held == null && queue.isEmpty() && pendingFailure == null && allFinished();
    }

    private SourceRecord release() {
        SourceRecord record = held;
        held = null;
        return record;
    }

    private RuntimeException translate(ReadEvent.Failure failure) {
        RuntimeException cause = failure.failure();
        RunMasker masking = Objects.requireNonNull(masker, "the task is not started");
        String message = masking.mask("Stream " + failure.unit().describe() + ": " + cause.getMessage());
        Throwable masked = masking.masked(cause);
        if (cause instanceof ConnectorException connector && connector.failureType() == FailureType.TRANSIENT_ERROR) {
            log.warn("Transient failure, retrying from the last checkpoint: {}", message);
            return new RetriableException(message, masked);
        }
        return new ConnectException(message, masked);
    }

    @Override
    public void stop() {
        stopping = true;
        Thread thread;
        synchronized (readerLock) {
            // After this, startReader() sees stopping: the reader taken here is the last one.
            thread = reader;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RunContext current = run;
        if (current != null) {
            // Kept: its secrets stay readable for a failure still being reported.
            current.close();
        }
    }
}
