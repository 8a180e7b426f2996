package dev.sluice.declarative.asyncjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.http.HttpTransport;
import dev.sluice.protocol.FailureType;
import dev.sluice.runner.StateInput;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code AsyncRetriever} against a report API on a real local socket ({@link ReportApi}). Time is a test clock
 * that each wait of the orchestrator moves on, so a job that never finishes times out without the test waiting.
 * Expected flows follow the reference's async_job/job_orchestrator.py and requesters/http_job_repository.py (and
 * unit_tests/sources/declarative/async_job/test_job_orchestrator.py).
 */
class AsyncJobsEndToEndTest {

    private static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 16L * 1024 * 1024));
    private static final Duration POLL = Duration.ofSeconds(5);

    @RegisterExtension
    final MockApi api = new MockApi();
    private final TestClock clock = TestClock.at("2024-02-01T00:00:00Z");
    private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

    static String manifest(String topLevel, String retrieverExtra, String streamExtra) {
        return """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [report]}
                """ + topLevel + """
                streams:
                  - type: DeclarativeStream
                    name: report
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                """ + streamExtra.indent(4) + """
                    retriever:
                      type: AsyncRetriever
                      record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: []}}
                      creation_requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: /reports
                        http_method: POST
                        request_body_json:
                          account: "{{ stream_partition.get('account', 'all') }}"
                          from: "{{ stream_slice.get('start_time', '') }}"
                      polling_requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: "/reports/{{ creation_response.id }}"
                      status_extractor: {type: DpathExtractor, field_path: [status]}
                      status_mapping:
                        running: [pending, running]
                        completed: [completed]
                        failed: [failed]
                        timeout: [timeout]
                      download_target_extractor: {type: DpathExtractor, field_path: [url]}
                      download_requester: {type: HttpRequester, url: "{{ download_target }}"}
                      download_extractor: {type: ResponseToFileExtractor}
                      abort_requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: "/reports/{{ creation_response.id }}/cancel"
                        http_method: POST
                      delete_requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: "/reports/{{ creation_response.id }}/delete"
                        http_method: POST
                """ + retrieverExtra.indent(6);
    }

    private Output read(String manifest) {
        return read(manifest, false);
    }

    private Output read(String manifest, boolean incremental) {
        DeclarativeSource source = ManifestSources.fromYaml(manifest).withContexts((config, run) ->
                new BuildContext(config, TestRuns.using(run, TRANSPORT), clock, sleeper, null, ConfigUpdates.NONE));
        return ConnectorHarness.of(source).withClock(clock).readAll(api.config("{}"), incremental,
                StateInput.empty());
    }

    @Test
    void aJobIsCreatedPolledUntilCompletedAndItsGzippedCsvDownloadedThenDeleted() {
        ReportApi reports = new ReportApi(api, List.of(List.of("pending", "running", "completed")))
                .csv("*", "id,name,score\n1,ada,NA\n2,\"grace, \"\"amazing\"\"\",\n3,linus,7\n");

        Output output = read(manifest("", "", ""));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("report")).extracting(Object::toString).containsExactly(
                "{\"id\":\"1\",\"name\":\"ada\",\"score\":null}",
                "{\"id\":\"2\",\"name\":\"grace, \\\"amazing\\\"\",\"score\":null}",
                "{\"id\":\"3\",\"name\":\"linus\",\"score\":\"7\"}");
        assertThat(reports.events()).containsExactly("POST /reports", "GET /reports/job-1", "GET /reports/job-1",
                "GET /reports/job-1", "GET /files/job-1", "POST /reports/job-1/delete");
        // Polled at once, then after each wait of the reference's 5 seconds.
        assertThat(sleeper.waits()).containsExactly(POLL, POLL);
    }

    @Test
    void aFailedJobIsRetriedWithANewJobWhoseRecordsAreRead() {
        ReportApi reports = new ReportApi(api, List.of(List.of("failed"), List.of("running", "completed")))
                .csv("job-2", "id\n42\n");

        Output output = read(manifest("", "", ""));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("report")).extracting(record -> record.get("id").asText()).containsExactly("42");
        assertThat(reports.events()).containsExactly("POST /reports", "GET /reports/job-1", "POST /reports",
                "GET /reports/job-2", "GET /reports/job-2", "GET /files/job-2", "POST /reports/job-2/delete");
    }

    @Test
    void aJobThatFailsThreeTimesFailsTheStreamAfterTheOtherSlices() {
        // job_orchestrator.py: AsyncPartition._DEFAULT_MAX_JOB_RETRY = 3 attempts per slice.
        ReportApi reports = new ReportApi(api, List.of(List.of("failed"), List.of("failed"), List.of("failed"),
                List.of("completed"))).csv("*", "id\n7\n");

        Output output = read(manifest("", """
                partition_router:
                  type: ListPartitionRouter
                  cursor_field: account
                  values: [a, b]
                """, ""));

        assertThat(output.exitCode()).isNotZero();
        assertThat(reports.events().stream().filter("POST /reports"::equals)).hasSize(4);
        assertThat(output.records("report")).extracting(record -> record.get("id").asText()).containsExactly("7");
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
            assertThat(error.message()).isEqualTo("One or more async jobs failed after exhausting all retry attempts.");
            assertThat(error.internalMessage()).contains("after 3 attempts").contains("FAILED")
                    .contains("\"account\":\"a\"");
        });
    }

    @Test
    void aJobThatNeverFinishesTimesOutIsAbortedAndRetriedThenFailsClearly() {
        ReportApi reports = new ReportApi(api, List.of(List.of("running")));

        Output output = read(manifest("", "polling_job_timeout: 1", ""));

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.records("report")).isEmpty();
        // Each timed-out job is aborted (job_orchestrator.py: _stop_timed_out_jobs, then _stop_partition).
        assertThat(reports.events()).filteredOn(event -> event.endsWith("/cancel"))
                .containsExactly("POST /reports/job-1/cancel", "POST /reports/job-2/cancel",
                        "POST /reports/job-3/cancel");
        assertThat(reports.events()).filteredOn("POST /reports"::equals).hasSize(3);
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.message()).isEqualTo("One or more async jobs failed after exhausting all retry attempts.");
            assertThat(error.internalMessage()).contains("TIMED_OUT").contains("1 minutes, polling_job_timeout");
        });
        // A job times out once it ran more than a minute: 13 polls 5 s apart per job.
        assertThat(reports.events()).filteredOn("GET /reports/job-1"::equals).hasSize(13);
    }

    @Test
    void noMoreJobsRunAtOnceThanTheManifestAllows() {
        ReportApi reports = new ReportApi(api, List.of(List.of("running", "running", "completed")))
                .csv("*", "id\n1\n");

        Output output = read(manifest("max_concurrent_async_job_count: \"{{ config.get('jobs', 2) }}\"\n", """
                partition_router:
                  type: ListPartitionRouter
                  cursor_field: account
                  values: [a, b, c, d, e]
                """, ""));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("report")).hasSize(5);
        assertThat(reports.maxActive()).isEqualTo(2);
        assertThat(reports.creationBodies().values()).extracting(body -> body.get("account").asText())
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void withoutALimitOneJobRunsAtATime() {
        ReportApi reports = new ReportApi(api, List.of(List.of("running", "completed"))).csv("*", "id\n1\n");

        Output output = read(manifest("", """
                partition_router: {type: ListPartitionRouter, cursor_field: account, values: [a, b, c]}
                """, ""));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("report")).hasSize(3);
        assertThat(reports.maxActive()).isEqualTo(1);
        assertThat(Collections.frequency(reports.events(), "POST /reports")).isEqualTo(3);
    }

    @Test
    void eachCursorWindowIsOneJobAndTheStateAdvancesAfterItsRecords() {
        ReportApi reports = new ReportApi(api, List.of(List.of("running", "completed")))
                .csv("job-1", "id,day\n1,2024-01-02\n")
                .csv("job-2", "id,day\n2,2024-01-04\n")
                .csv("job-3", "id,day\n3,2024-01-06\n");

        Output output = read(manifest("", "", """
                incremental_sync:
                  type: DatetimeBasedCursor
                  cursor_field: day
                  datetime_format: "%Y-%m-%d"
                  start_datetime: "2024-01-01"
                  end_datetime: "2024-01-06"
                  step: P2D
                  cursor_granularity: P1D
                """), true);

        assertThat(output.exitCode()).isZero();
        // One job per window, each created with its window's start.
        assertThat(reports.creationBodies().values()).extracting(body -> body.get("from").asText())
                .containsExactly("2024-01-01", "2024-01-03", "2024-01-05");
        assertThat(output.records("report")).extracting(record -> record.get("id").asText())
                .containsExactly("1", "2", "3");
        assertThat(output.mostRecentState("report")).hasValueSatisfying(state ->
                assertThat(state.toString()).contains("\"day\":\"2024-01-06\""));
    }
}
