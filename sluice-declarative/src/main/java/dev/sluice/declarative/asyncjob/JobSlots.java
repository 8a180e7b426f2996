package dev.sluice.declarative.asyncjob;

import dev.sluice.source.RunContext;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How many jobs may run on the API at once, across every stream of a run ({@code max_concurrent_async_job_count},
 * the reference's {@code JobTracker}): a slot is reserved before a job is created, handed to the job once the API
 * created it (or to its replacement when it is retried), and freed when its records are ready, it is given up, or
 * it is aborted. One per run, shared by the run's streams. Thread-safe.
 */
public final class JobSlots {

    public static final RunContext.Service<JobSlots> SERVICE = RunContext.Service.of("async job slots",
            JobSlots.class, run -> new JobSlots());

    private final Set<String> taken = new HashSet<>();
    private int limit = 1;

    /** The manifest's limit for this run; below 1 means 1, as in the reference. */
    public synchronized void limit(int newLimit) {
        limit = Math.max(1, newLimit);
    }

    public synchronized int limit() {
        return limit;
    }

    /** A reserved slot's id (an intent, until a job takes it), or null when every slot is taken. */
    synchronized @Nullable String tryReserve() {
        if (taken.size() >= limit) {
            return null;
        }
        String intent = "intent_" + UUID.randomUUID();
        taken.add(intent);
        return intent;
    }

    /** The slot held by {@code holder} (an intent or a job being replaced) now belongs to {@code jobId}. */
    synchronized void transfer(String holder, String jobId) {
        if (!taken.contains(holder)) {
            throw new IllegalStateException("No job slot is held by " + holder);
        }
        taken.remove(holder);
        taken.add(jobId);
    }

    /** Frees the slot held by {@code holder}; nothing when it holds none. */
    synchronized void release(String holder) {
        taken.remove(holder);
    }

    synchronized int inUse() {
        return taken.size();
    }
}
