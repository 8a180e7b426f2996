/**
 * Server-side jobs that produce a stream's data (the reference's {@code async_job}): a job per slice is created,
 * polled until the API says it completed, failed or timed out, retried a bounded number of times, and its results
 * downloaded. One {@link dev.sluice.declarative.asyncjob.JobOrchestrator} per read polls every running job of the
 * read from one thread; the run's {@link dev.sluice.declarative.asyncjob.JobSlots} bound how many jobs run at once
 * across all streams ({@code max_concurrent_async_job_count}). The HTTP side is
 * {@link dev.sluice.declarative.asyncjob.HttpJobRepository}.
 */
@NullMarked
package dev.sluice.declarative.asyncjob;

import org.jspecify.annotations.NullMarked;
