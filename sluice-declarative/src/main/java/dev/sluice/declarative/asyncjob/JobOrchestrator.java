package dev.sluice.declarative.asyncjob;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.http.Sleeper;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of one read, driven from one thread (the reference's {@code AsyncJobOrchestrator}): each slice gets a
 * job once a {@link JobSlots slot} is free; every running job is polled in one round, then the thread waits the
 * poll interval; a slice whose job completed is handed on with its jobs, so its records can be downloaded while
 * the other jobs still run. No thread waits on any single job.
 *
 * <p>A job that failed or timed out is retried (a timed-out one is aborted first) until its slice used
 * {@link JobPolicy#maxAttempts} jobs; then the slice is given up, the read goes on with the other slices, and
 * at the end one {@code system_error} lists every slice given up. A job the API refused to create counts as a
 * failed attempt. A {@code config_error} (or an interruption) stops everything at once: the running jobs are
 * aborted and the error thrown.
 */
public final class JobOrchestrator {

    /** Pushes the slices to read, in order (a cursor's {@code slices}). */
    @FunctionalInterface
    public interface SliceSource {
        void push(Consumer<StreamSlice> out);
    }

    /** Receives a slice whose jobs completed, with those jobs. */
    @FunctionalInterface
    public interface CompletedSlices {
        void accept(StreamSlice slice, List<AsyncJob> jobs);
    }

    private static final Logger log = LoggerFactory.getLogger(JobOrchestrator.class);
    private static final Set<JobStatus> RUNNING_ON_API = Set.of(JobStatus.RUNNING, JobStatus.TIMED_OUT);

    private final String streamName;
    private final JobRepository repository;
    private final JobSlots slots;
    private final Clock clock;
    private final Sleeper sleeper;
    private final JobPolicy policy;
    private List<Partition> running = new ArrayList<>();
    /** What went wrong for good, each text once (a poll that keeps failing fails alike every round). */
    private final Set<String> givenUp = new LinkedHashSet<>();

    public JobOrchestrator(String streamName, JobRepository repository, JobSlots slots, Clock clock, Sleeper sleeper,
            JobPolicy policy) {
        this.streamName = requireNonNull(streamName, "streamName is null");
        this.repository = requireNonNull(repository, "repository is null");
        this.slots = requireNonNull(slots, "slots is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    /**
     * Runs a job for every slice of {@code source} and hands each completed slice to {@code completed}, in the
     * order they complete. Call once.
     *
     * @throws ConnectorException a {@code system_error} naming the slices whose every attempt failed (after all
     *                            other slices were handed on), or the first breaking error
     */
    public void run(SliceSource source, CompletedSlices completed) {
        try {
            source.push(slice -> submit(slice, completed));
            while (!running.isEmpty()) {
                replaceFailedJobs();
                pollAndHandOn(completed);
                if (!running.isEmpty()) {
                    waitForNextPoll();
                }
            }
        } catch (RuntimeException e) {
            if (isBreaking(e)) {
                abortAllRunning();
            }
            throw e;
        }
        if (!givenUp.isEmpty()) {
            StringJoiner internal = new StringJoiner("\n");
            givenUp.forEach(internal::add);
            throw new ConnectorException(FailureType.SYSTEM_ERROR,
                    "One or more async jobs failed after exhausting all retry attempts.",
                    "Stream " + streamName + ": " + internal, null);
        }
    }

    /** Each completed job's records, job after job; a job is deleted on the API once its records were read. */
    public void fetchRecords(List<AsyncJob> jobs, Consumer<ObjectNode> records) {
        for (AsyncJob job : jobs) {
            repository.fetchRecords(job, records);
            repository.delete(job);
        }
    }

    /** Starts the slice's job once a slot is free, polling (and handing on) the running jobs meanwhile. */
    private void submit(StreamSlice slice, CompletedSlices completed) {
        while (true) {
            replaceFailedJobs();
            String intent = slots.tryReserve();
            if (intent != null) {
                running.add(new Partition(slice, startJob(slice, intent)));
                return;
            }
            log.debug("Stream {}: every async job slot is taken; waiting before creating more jobs", streamName);
            pollAndHandOn(completed);
            waitForNextPoll();
        }
    }

    private AsyncJob startJob(StreamSlice slice, String slotHolder) {
        try {
            AsyncJob job = repository.start(slice);
            slots.transfer(slotHolder, job.id());
            return job;
        } catch (RuntimeException e) {
            if (isBreaking(e)) {
                slots.release(slotHolder);
                throw e;
            }
            log.warn("Stream {}: could not create the async job of slice {}; it counts as a failed attempt: {}",
                    streamName, slice, e.getMessage());
            AsyncJob failed = AsyncJob.notCreated(UUID.randomUUID() + " - Job that could not start", slice, clock);
            slots.transfer(slotHolder, failed.id());
            return failed;
        }
    }

    /**
     * Retries the jobs the last round found failed or timed out, each keeping its slot. (A job whose timer runs out
     * during the wait is first seen by the next round, which aborts it, so that every timed-out job is aborted and
     * counted against its slice's attempts.)
     */
    private void replaceFailedJobs() {
        for (Partition partition : running) {
            for (AsyncJob job : List.copyOf(partition.toRetry)) {
                JobStatus status = job.status();
                if (policy.failedRetryWait() != null && status == JobStatus.FAILED && !job.isCreationFailure()) {
                    if (!job.readyToRetry()) {
                        continue;
                    }
                    if (!job.retryDeferred()) {
                        job.retryNotBefore(clock.instant().plus(policy.failedRetryWait()));
                        log.info("Stream {}: job {} failed; retrying it in {} s", streamName, job.id(),
                                policy.failedRetryWait().toSeconds());
                        continue;
                    }
                }
                log.info("Stream {}: retrying job {} ({}) of slice {}", streamName, job.id(), status, job.slice());
                partition.toRetry.remove(job);
                partition.replace(job, startJob(job.slice(), job.id()));
            }
        }
    }

    /** One round: asks after every running job, then hands on completed slices and deals with failed ones. */
    private void pollAndHandOn(CompletedSlices completed) {
        List<AsyncJob> toPoll = new ArrayList<>();
        for (Partition partition : running) {
            for (AsyncJob job : partition.attempts.keySet()) {
                if (job.status() == JobStatus.RUNNING) {
                    toPoll.add(job);
                }
            }
        }
        if (!toPoll.isEmpty()) {
            try {
                repository.updateStatuses(toPoll);
            } catch (RuntimeException e) {
                if (isBreaking(e)) {
                    throw e;
                }
                // As the reference: the jobs stay running and are asked after again (a job that never answers
                // times out), and the failure is reported at the end if nothing better happens.
                log.warn("Stream {}: polling the async jobs failed: {}", streamName, e.getMessage());
                givenUp.add("Polling failed: " + e.getMessage());
            }
        }
        List<Partition> stillRunning = new ArrayList<>();
        for (Partition partition : running) {
            JobStatus status = partition.status();
            switch (status) {
                case COMPLETED -> {
                    // Slots are freed before the slice is handed on: reading it may take long.
                    partition.attempts.keySet().forEach(job -> slots.release(job.id()));
                    log.info("Stream {}: the async jobs {} of slice {} completed", streamName, partition.jobIds(),
                            partition.slice);
                    completed.accept(partition.slice, List.copyOf(partition.attempts.keySet()));
                }
                case SKIPPED -> {
                    partition.attempts.keySet().forEach(job -> slots.release(job.id()));
                    log.info("Stream {}: the async jobs {} of slice {} were skipped (no data)", streamName,
                            partition.jobIds(), partition.slice);
                }
                case RUNNING -> stillRunning.add(partition);
                default -> {
                    if (partition.reachedMaxAttempts()) {
                        giveUp(partition);
                    } else {
                        for (AsyncJob job : partition.attempts.keySet()) {
                            JobStatus jobStatus = job.status();
                            if (jobStatus == JobStatus.TIMED_OUT && !partition.toRetry.contains(job)) {
                                abort(job, false);
                            }
                            if (jobStatus == JobStatus.TIMED_OUT || jobStatus == JobStatus.FAILED) {
                                partition.toRetry.add(job);
                            }
                        }
                        // Failed slices are retried first.
                        stillRunning.add(0, partition);
                    }
                }
            }
        }
        running = stillRunning;
    }

    private void giveUp(Partition partition) {
        Map<String, JobStatus> statuses = new LinkedHashMap<>();
        for (AsyncJob job : partition.attempts.keySet()) {
            JobStatus status = job.status();
            statuses.put(job.id(), status);
            if (RUNNING_ON_API.contains(status)) {
                abort(job, true);
            } else {
                slots.release(job.id());
            }
        }
        String timedOut = statuses.containsValue(JobStatus.TIMED_OUT)
                ? " (a job times out when it runs longer than " + partition.anyJob().timeout().toMinutes()
                        + " minutes, polling_job_timeout)" : "";
        String message = "Async job failed after exhausting all retry attempts: at least one job could not be "
                + "completed for slice " + partition.slice + " after " + policy.maxAttempts()
                + " attempts. Job statuses were: " + statuses + timedOut;
        log.error("Stream {}: {}", streamName, message);
        givenUp.add(message);
    }

    private void abort(AsyncJob job, boolean freeSlot) {
        try {
            repository.abort(job);
            if (freeSlot) {
                slots.release(job.id());
            }
        } catch (RuntimeException e) {
            log.warn("Stream {}: could not abort async job {}: {}", streamName, job.id(), e.getMessage());
        }
    }

    private void abortAllRunning() {
        for (Partition partition : running) {
            for (AsyncJob job : partition.attempts.keySet()) {
                if (RUNNING_ON_API.contains(job.status())) {
                    abort(job, true);
                }
                slots.release(job.id());
            }
        }
        running = new ArrayList<>();
    }

    private void waitForNextPoll() {
        try {
            sleeper.sleep(policy.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureType.TRANSIENT_ERROR, "The async jobs of stream " + streamName
                    + " were interrupted while waiting", e);
        }
    }

    /** Errors that stop the read at once: a config error, or the thread being interrupted. */
    private static boolean isBreaking(RuntimeException e) {
        return e instanceof ConnectorException connector && (connector.failureType() == FailureType.CONFIG_ERROR
                || Thread.currentThread().isInterrupted());
    }

    /** A slice and its jobs, each with the attempt it is (the reference's {@code AsyncPartition}). */
    private final class Partition {
        private final StreamSlice slice;
        private final Map<AsyncJob, Integer> attempts = new LinkedHashMap<>();
        /** Jobs found failed or timed out (and aborted), to be replaced. */
        private final Set<AsyncJob> toRetry = new LinkedHashSet<>();

        Partition(StreamSlice slice, AsyncJob first) {
            this.slice = slice;
            attempts.put(first, 1);
        }

        void replace(AsyncJob old, AsyncJob next) {
            Integer attempt = attempts.remove(old);
            if (attempt == null) {
                throw new IllegalStateException("Job " + old.id() + " is not one of slice " + slice);
            }
            attempts.put(next, attempt + 1);
        }

        boolean reachedMaxAttempts() {
            return attempts.values().stream().anyMatch(attempt -> attempt >= policy.maxAttempts());
        }

        AsyncJob anyJob() {
            return attempts.keySet().iterator().next();
        }

        List<String> jobIds() {
            return attempts.keySet().stream().map(AsyncJob::id).toList();
        }

        /** Failed before timed out before running; completed only when every job completed or was skipped. */
        JobStatus status() {
            Set<JobStatus> statuses = new HashSet<>();
            attempts.keySet().forEach(job -> statuses.add(job.status()));
            if (statuses.equals(Set.of(JobStatus.SKIPPED))) {
                return JobStatus.SKIPPED;
            }
            if (Set.of(JobStatus.COMPLETED, JobStatus.SKIPPED).containsAll(statuses)) {
                return JobStatus.COMPLETED;
            }
            if (statuses.contains(JobStatus.FAILED)) {
                return JobStatus.FAILED;
            }
            if (statuses.contains(JobStatus.TIMED_OUT)) {
                return JobStatus.TIMED_OUT;
            }
            return JobStatus.RUNNING;
        }
    }
}
