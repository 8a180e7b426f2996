package dev.sluice.declarative.asyncjob;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.declarative.DeclarativeSource;
import dev.sluice.declarative.ManifestSources;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.component.ConfigUpdates;
import dev.sluice.declarative.fixtures.TestRuns;
import dev.sluice.http.HttpTransport;
import dev.sluice.runner.StateInput;
import dev.sluice.testkit.ConnectorHarness;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.RecordingSleeper;
import dev.sluice.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where downloads come from, with the contexts the reference's requesters/http_job_repository.py gives them: a
 * {@code download_target_requester} sees {@code polling_response}; each URL its response lists is downloaded,
 * paged by {@code download_paginator}, as JSON by default; the stream's transformations apply to downloaded records.
 */
class DownloadTargetsTest {

    private static final HttpTransport TRANSPORT = HttpTransport.jdk(new HttpTransport.Options(Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1024 * 1024));

    @RegisterExtension
    final MockApi api = new MockApi();
    private final TestClock clock = TestClock.at("2024-02-01T00:00:00Z");

    @Test
    void everyTargetTheTargetRequesterListsIsDownloadedPageByPage() {
        api.on("POST", "/jobs", json("{\"job\": {\"id\": \"j7\"}}"))
                .on("GET", "/jobs/j7", json("{\"state\": \"READY\", \"result_set\": \"rs-1\"}"))
                .on("GET", "/result-sets/rs-1", json("{\"parts\": [{\"href\": \"" + api.url("/parts/1")
                        + "\"}, {\"href\": \"" + api.url("/parts/2") + "\"}]}"))
                .on("GET", "/parts/1", request -> json(request.getUrl().queryParameter("page") == null
                        ? "{\"rows\": [{\"n\": 1}], \"next\": 2}" : "{\"rows\": [{\"n\": 2}], \"next\": null}"))
                .on("GET", "/parts/2", json("{\"rows\": [{\"n\": 3}]}"));
        String manifest = """
                version: 6.44.0
                check: {type: CheckStream, stream_names: [rows]}
                streams:
                  - type: DeclarativeStream
                    name: rows
                    schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
                    transformations:
                      - type: AddFields
                        fields: [{path: [job], value: "{{ stream_slice.get('x', 'none') }}"}]
                    retriever:
                      type: AsyncRetriever
                      record_selector:
                        type: RecordSelector
                        extractor: {type: DpathExtractor, field_path: [ignored]}
                        record_filter: {condition: "{{ record.n != 2 }}"}
                      creation_requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: /jobs, http_method: POST}
                      polling_requester: {type: HttpRequester, url_base: "{{ config.base_url }}", path: "/jobs/{{ creation_response.job.id }}"}
                      status_extractor: {type: DpathExtractor, field_path: [state]}
                      status_mapping: {running: [QUEUED], completed: [READY], failed: [ERROR], timeout: []}
                      download_target_requester:
                        type: HttpRequester
                        url_base: "{{ config.base_url }}"
                        path: "/result-sets/{{ polling_response.result_set }}"
                      download_target_extractor: {type: DpathExtractor, field_path: [parts, "*", href]}
                      download_requester: {type: HttpRequester, url: "{{ download_target }}"}
                      download_extractor: {type: DpathExtractor, field_path: [rows]}
                      download_paginator:
                        type: DefaultPaginator
                        pagination_strategy: {type: CursorPagination, cursor_value: "{{ response.next }}", stop_condition: "{{ not response.next }}"}
                        page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                """;
        DeclarativeSource source = ManifestSources.fromYaml(manifest).withContexts((config, run) ->
                new BuildContext(config, TestRuns.using(run, TRANSPORT), clock, RecordingSleeper.advancing(clock),
                        null, ConfigUpdates.NONE));

        Output output = ConnectorHarness.of(source).withClock(clock).readAll(api.config("{}"), false,
                StateInput.empty());

        assertThat(output.exitCode()).isZero();
        // The record selector filters and the stream transforms; its extractor is not used on downloads.
        assertThat(output.records("rows")).extracting(Object::toString)
                .containsExactly("{\"n\":1,\"job\":\"none\"}", "{\"n\":3,\"job\":\"none\"}");
        assertThat(api.targets()).containsExactly("POST /jobs", "GET /jobs/j7", "GET /result-sets/rs-1",
                "GET /parts/1", "GET /parts/1?page=2", "GET /parts/2");
    }
}
