package dev.sluice.declarative.asyncjob;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a read treats its jobs.
 *
 * @param maxAttempts     jobs created per slice at most (the first and its retries); the reference's default is 3
 * @param failedRetryWait how long a job the API reported failed waits before it is retried
 *                        ({@code failed_retry_wait_time_in_seconds}); null to retry at once. Jobs that could not be
 *                        created and jobs that timed out are always retried at once.
 * @param pollInterval    the wait between two rounds of polling (the reference's 5 seconds)
 */
public record JobPolicy(int maxAttempts, @Nullable Duration failedRetryWait, Duration pollInterval) {

    /** The reference's {@code AsyncPartition._DEFAULT_MAX_JOB_RETRY} (async_job/job_orchestrator.py). */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The reference's {@code _WAIT_TIME_BETWEEN_STATUS_UPDATE_IN_SECONDS}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    public JobPolicy {
        requireNonNull(pollInterval, "pollInterval is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (failedRetryWait != null && failedRetryWait.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("failed_retry_wait_time_in_seconds must be >= 1");
        }
    }
}
