package dev.sluice.declarative.asyncjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.StreamSlice;
import dev.sluice.protocol.FailureType;
import dev.sluice.protocol.Json;
import dev.sluice.source.ConnectorException;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator with a scripted repository. Expected counts follow the reference's
 * unit_tests/sources/declarative/async_job/test_job_orchestrator.py (a job is retried until its slice used 3
 * attempts; a creation failure is a failed attempt; the limit of concurrent jobs is never passed) and
 * async_job/test_job.py (a job times out once its timer passed the timeout).
 */
class JobOrchestratorTest {

    private final TestClock clock = TestClock.at("2024-01-01T00:00:00Z");
    private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
    private final JobSlots slots = new JobSlots();

    /** Each created job follows the next script: its statuses poll after poll (the last one repeats). */
    private final class Scripted implements JobRepository {
        final Deque<List<JobStatus>> scripts = new ArrayDeque<>();
        final Map<String, Deque<JobStatus>> remaining = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        int created;
        int maxRunning;
        RuntimeException creationFailure;

        @Override
        public AsyncJob start(StreamSlice slice) {
            calls.add("start " + slice);
            if (creationFailure != null) {
                RuntimeException failure = creationFailure;
                creationFailure = null;
                throw failure;
            }
            created++;
            String id = "job-" + created;
            remaining.put(id, new ArrayDeque<>(scripts.isEmpty() ? List.of(JobStatus.COMPLETED) : scripts.poll()));
            maxRunning = Math.max(maxRunning, slots.inUse());
            return AsyncJob.started(id, slice, Duration.ofMinutes(1), clock);
        }

        @Override
        public void updateStatuses(Collection<AsyncJob> jobs) {
            for (AsyncJob job : jobs) {
                calls.add("poll " + job.id());
                Deque<JobStatus> script = remaining.get(job.id());
                job.update(script.size() > 1 ? script.poll() : script.peek());
            }
        }

        @Override
        public void fetchRecords(AsyncJob job, Consumer<ObjectNode> records) {
            calls.add("fetch " + job.id());
            records.accept((ObjectNode) Json.object().put("job", job.id()));
        }

        @Override
        public void abort(AsyncJob job) {
            calls.add("abort " + job.id());
        }

        @Override
        public void delete(AsyncJob job) {
            calls.add("delete " + job.id());
        }
    }

    private static StreamSlice slice(String account) {
        return StreamSlice.ofPartition((ObjectNode) Json.object().put("account", account));
    }

    private JobOrchestrator orchestrator(Scripted repository) {
        return new JobOrchestrator("report", repository, slots, clock, sleeper,
                new JobPolicy(JobPolicy.DEFAULT_MAX_ATTEMPTS, null, JobPolicy.DEFAULT_POLL_INTERVAL));
    }

    private List<String> run(Scripted repository, String... accounts) {
        List<String> completed = new ArrayList<>();
        JobOrchestrator orchestrator = orchestrator(repository);
        orchestrator.run(out -> {
            for (String account : accounts) {
                out.accept(slice(account));
            }
        }, (slice, jobs) -> orchestrator.fetchRecords(jobs,
                record -> completed.add(slice.partition().get("account").asText() + ":" + record.get("job").asText())));
        return completed;
    }

    @Test
    void aRunningJobIsPolledEveryFiveSecondsUntilItCompletes() {
        Scripted repository = new Scripted();
        repository.scripts.add(List.of(JobStatus.RUNNING, JobStatus.RUNNING, JobStatus.COMPLETED));

        assertThat(run(repository, "a")).containsExactly("a:job-1");
        assertThat(repository.calls).containsExactly("start {\"account\":\"a\"}", "poll job-1", "poll job-1",
                "poll job-1", "fetch job-1", "delete job-1");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aTimedOutJobIsAbortedAndRetriedUntilThreeAttemptsThenTheSliceIsGivenUp() {
        Scripted repository = new Scripted();
        repository.scripts.add(List.of(JobStatus.RUNNING));
        repository.scripts.add(List.of(JobStatus.RUNNING));
        repository.scripts.add(List.of(JobStatus.RUNNING));

        assertThatThrownBy(() -> run(repository, "a"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
                    assertThat(e.getMessage()).contains("TIMED_OUT").contains("after 3 attempts");
                });
        assertThat(repository.calls).filteredOn(call -> call.startsWith("start")).hasSize(3);
        assertThat(repository.calls).filteredOn(call -> call.startsWith("abort"))
                .containsExactly("abort job-1", "abort job-2", "abort job-3");
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aJobThatCouldNotBeCreatedCountsAsAFailedAttempt() {
        Scripted repository = new Scripted();
        repository.creationFailure = new ConnectorException(FailureType.SYSTEM_ERROR, "429 too many jobs");

        assertThat(run(repository, "a")).containsExactly("a:job-1");
        assertThat(repository.calls).filteredOn(call -> call.startsWith("start")).hasSize(2);
    }

    @Test
    void aConfigErrorWhileCreatingStopsEverythingAndAbortsTheRunningJobs() {
        Scripted repository = new Scripted();
        repository.scripts.add(List.of(JobStatus.RUNNING));
        slots.limit(2);
        JobOrchestrator orchestrator = orchestrator(repository);

        assertThatThrownBy(() -> orchestrator.run(out -> {
            out.accept(slice("a"));
            repository.creationFailure = new ConnectorException(FailureType.CONFIG_ERROR, "bad account");
            out.accept(slice("b"));
        }, (slice, jobs) -> { })).hasMessage("bad account");
        assertThat(repository.calls).contains("abort job-1");
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void theRunsLimitOfConcurrentJobsIsNeverPassed() {
        Scripted repository = new Scripted();
        for (int i = 0; i < 6; i++) {
            repository.scripts.add(List.of(JobStatus.RUNNING, JobStatus.COMPLETED));
        }
        slots.limit(2);

        assertThat(run(repository, "a", "b", "c", "d", "e", "f")).hasSize(6);
        assertThat(repository.maxRunning).isEqualTo(2);
        assertThat(slots.inUse()).isZero();
    }

    @Test
    void aFailedJobWaitsBeforeItsRetryWhenTheManifestSaysSo() {
        Scripted repository = new Scripted();
        repository.scripts.add(List.of(JobStatus.FAILED));
        repository.scripts.add(List.of(JobStatus.COMPLETED));
        JobOrchestrator orchestrator = new JobOrchestrator("report", repository, slots, clock, sleeper,
                new JobPolicy(3, Duration.ofSeconds(12), JobPolicy.DEFAULT_POLL_INTERVAL));
        java.time.Instant start = clock.instant();
        List<java.time.Instant> starts = new ArrayList<>();

        orchestrator.run(out -> out.accept(slice("a")), (slice, jobs) -> starts.add(clock.instant()));

        assertThat(repository.calls).filteredOn(call -> call.startsWith("start")).hasSize(2);
        // Failed at the first poll, retried no sooner than 12 s later (polls 5 s apart: at 15 s).
        assertThat(Duration.between(start, starts.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void skippedJobsHandOnNothing() {
        Scripted repository = new Scripted();
        repository.scripts.add(List.of(JobStatus.SKIPPED));

        assertThat(run(repository, "a")).isEmpty();
        assertThat(slots.inUse()).isZero();
    }
}
