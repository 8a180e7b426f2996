package dev.sluice.declarative.asyncjob;

import static java.util.Objects.requireNonNull;

import dev.sluice.declarative.component.StreamSlice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One job on the API's side, for one slice. Its timer runs while it is {@link JobStatus#RUNNING} and stops at a
 * terminal status; a job whose timer passed its timeout reports {@link JobStatus#TIMED_OUT} whatever the API said
 * last. Only the orchestrator's thread changes a job; readers only read its id and slice.
 */
public final class AsyncJob {

    private final String id;
    private final StreamSlice slice;
    private final Duration timeout;
    private final Clock clock;
    private final boolean creationFailure;
    private JobStatus status = JobStatus.RUNNING;
    private @Nullable Instant started;
    private @Nullable Instant stopped;
    private @Nullable Instant retryAfter;

    AsyncJob(String id, StreamSlice slice, Duration timeout, Clock clock, boolean creationFailure) {
        this.id = requireNonNull(id, "id is null");
        this.slice = requireNonNull(slice, "slice is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.creationFailure = creationFailure;
        this.started = clock.instant();
    }

    /** A running job the API created, timing out after {@code timeout}. */
    public static AsyncJob started(String id, StreamSlice slice, Duration timeout, Clock clock) {
        return new AsyncJob(id, slice, timeout, clock, false);
    }

    /** A job the API refused to create: failed from the start, so that it is retried as a failed job is. */
    static AsyncJob notCreated(String id, StreamSlice slice, Clock clock) {
        AsyncJob job = new AsyncJob(id, slice, Duration.ofDays(365_000), clock, true);
        job.update(JobStatus.FAILED);
        return job;
    }

    public String id() {
        return id;
    }

    public StreamSlice slice() {
        return slice;
    }

    /** How long the job may run before it counts as timed out. */
    public Duration timeout() {
        return timeout;
    }

    public JobStatus status() {
        if (started != null) {
            Instant end = stopped == null ? clock.instant() : stopped;
            if (Duration.between(started, end).compareTo(timeout) > 0) {
                return JobStatus.TIMED_OUT;
            }
        }
        return status;
    }

    /** What the API said: a job running again restarts its timer, a terminal status stops it. */
    public void update(JobStatus next) {
        if (status != JobStatus.RUNNING && next == JobStatus.RUNNING) {
            started = clock.instant();
            stopped = null;
        } else if (next.isTerminal() && stopped == null) {
            stopped = clock.instant();
        }
        status = next;
    }

    boolean isCreationFailure() {
        return creationFailure;
    }

    void retryNotBefore(Instant instant) {
        retryAfter = instant;
    }

    boolean retryDeferred() {
        return retryAfter != null;
    }

    boolean readyToRetry() {
        return retryAfter == null || !clock.instant().isBefore(retryAfter);
    }

    @Override
    public String toString() {
        return "AsyncJob[" + id + ", slice " + slice + ", " + status() + "]";
    }
}
