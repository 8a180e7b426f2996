package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Response filters through a whole manifest: IGNORE, FAIL with a failure type and message, RETRY on a predicate. */
class ResponseFiltersEndToEndTest {

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    private static String withFilters(String filters) {
        return ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config.base_url }}"
                    path: /items
                    error_handler:
                      type: DefaultErrorHandler
                      response_filters:
                """ + filters.indent(8) + """
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                  paginator:
                    type: DefaultPaginator
                    page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                    pagination_strategy: {type: PageIncrement, page_size: 1, start_from_page: 1}
                """);
    }

    @Test
    void ignoredNotFoundIsNoRecordsAndComplete() {
        api.on("GET", "/items", json(404, "{\"error\": \"gone\"}"));

        Output output = run.read(withFilters("- {type: HttpResponseFilter, http_codes: [404], action: IGNORE}"));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("items")).isEmpty();
        assertThat(output.errors()).isEmpty();
        assertThat(output.statuses("items")).containsExactly(StreamStatus.STARTED, StreamStatus.COMPLETE);
        assertThat(api.targets()).as("an ignored page ends the slice").containsExactly("GET /items");
    }

    @Test
    void anIgnoredLaterPageKeepsTheEarlierRecords() {
        api.on("GET", "/items", request -> request.getUrl().queryParameter("page") == null
                ? json("{\"data\": [{\"id\": 1}]}") : json(404, "{}"));

        Output output = run.read(withFilters("- {type: HttpResponseFilter, http_codes: [404], action: IGNORE}"));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("items")).hasSize(1);
        assertThat(api.targets()).containsExactly("GET /items", "GET /items?page=2");
    }

    @Test
    void failWithAConfigErrorAndAnInterpolatedMessage() {
        api.on("GET", "/items", json(403, "{\"error\": {\"reason\": \"plan does not include items\"}}"));

        Output output = run.read(withFilters("""
                - type: HttpResponseFilter
                  http_codes: [403]
                  action: FAIL
                  failure_type: config_error
                  error_message: "Upgrade your plan: {{ response.error.reason }} (key {{ config.account }})"
                """), "\"account\": \"acme\"");

        assertThat(output.exitCode()).isNotZero();
        assertThat(output.statuses("items")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains("Upgrade your plan: plan does not include items (key acme)");
        });
        assertThat(api.targets()).as("FAIL is not retried").hasSize(1);
    }

    @Test
    void retryOnAPredicateOverASuccessfulResponse() {
        api.on("GET", "/items", json("{\"status\": \"pending\"}"), json("{\"status\": \"pending\"}"),
                json("{\"status\": \"done\", \"data\": []}"));

        Output output = run.read(withFilters("""
                - type: HttpResponseFilter
                  predicate: "{{ response.status == 'pending' }}"
                  action: RETRY
                  error_message: "report not ready"
                """));

        assertThat(output.exitCode()).isZero();
        assertThat(api.targets()).hasSize(3);
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void errorMessageContainsMatchesTheParsedMessage() {
        api.on("GET", "/items", json(400, "{\"errors\": [{\"message\": \"Token EXPIRED at noon\"}]}"));

        Output output = run.read(withFilters("""
                - type: HttpResponseFilter
                  error_message_contains: EXPIRED
                  action: FAIL
                  failure_type: config_error
                  error_message: "Log in again"
                """));

        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains("Log in again");
        });
    }

    @Test
    void withoutAMatchingFilterTheReferenceMappingApplies() {
        api.on("GET", "/items", json(401, "{}"));

        Output output = run.read(withFilters("- {type: HttpResponseFilter, http_codes: [404], action: IGNORE}"));

        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
            assertThat(error.message()).contains(
                    "HTTP Status Code: 401. Error: Unauthorized. Please ensure you are authenticated correctly.");
        });
    }
}
