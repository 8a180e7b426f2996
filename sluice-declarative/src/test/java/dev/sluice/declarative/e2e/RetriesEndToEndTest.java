package dev.sluice.declarative.e2e;

import static dev.sluice.testkit.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.AirbyteTrace.StreamStatus;
import dev.sluice.protocol.FailureType;
import dev.sluice.testkit.Output;
import dev.sluice.testkit.MockApi;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries on 429 and 5xx through a whole manifest: the waits are recorded by the injected sleeper (no test
 * sleeps). As in the reference, the HTTP loop waits one second more than a manifest backoff strategy returns;
 * without a strategy it waits 1, 2, 4... seconds.
 */
class RetriesEndToEndTest {

    private static final String OK = "{\"data\": [{\"id\": 1}]}";

    @RegisterExtension
    final MockApi api = new MockApi();
    private final ManifestRun run = new ManifestRun(api);

    private static String withErrorHandler(String errorHandler) {
        return ManifestRun.stream("""
                retriever:
                  type: SimpleRetriever
                  requester:
                    type: HttpRequester
                    url_base: "{{ config.base_url }}"
                    path: /items
                    error_handler:
                """ + errorHandler.indent(6) + """
                  record_selector: {type: RecordSelector, extractor: {type: DpathExtractor, field_path: [data]}}
                """);
    }

    private static MockResponse status(int code, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body("{\"error\": \"busy\"}");
        for (int i = 0; i < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    @Test
    void rateLimitedHonoursRetryAfter() {
        api.on("GET", "/items", status(429, "Retry-After", "3"), status(429, "Retry-After", "7"), json(OK));

        Output output = run.read(withErrorHandler("""
                type: DefaultErrorHandler
                backoff_strategies: [{type: WaitTimeFromHeader, header: Retry-After}]
                """));

        assertThat(output.exitCode()).isZero();
        assertThat(output.records("items")).hasSize(1);
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(api.targets()).hasSize(3);
    }

    @Test
    void serverErrorsUseTheDefaultExponentialBackoff() {
        api.on("GET", "/items", status(503), status(500), status(502), json(OK));

        Output output = run.read(withErrorHandler("{type: DefaultErrorHandler}"));

        assertThat(output.exitCode()).isZero();
        assertThat(output.statuses("items")).endsWith(StreamStatus.COMPLETE);
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void manifestExponentialBackoffPlusOneSecond() {
        api.on("GET", "/items", status(500), status(500), json(OK));

        Output output = run.read(withErrorHandler("""
                type: DefaultErrorHandler
                backoff_strategies: [{type: ExponentialBackoffStrategy, factor: 2}]
                """));

        assertThat(output.exitCode()).isZero();
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(9));
    }

    @Test
    void aRetryAfterHeaderFallsBackToTheNextStrategy() {
        api.on("GET", "/items", status(429), json(OK));

        Output output = run.read(withErrorHandler("""
                type: DefaultErrorHandler
                backoff_strategies:
                  - {type: WaitTimeFromHeader, header: Retry-After}
                  - {type: ConstantBackoffStrategy, backoff_time_in_seconds: 30}
                """));

        assertThat(output.exitCode()).isZero();
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void exhaustedRetriesEndTheStreamWithATransientError() {
        api.on("GET", "/items", status(503));

        Output output = run.read(withErrorHandler("{type: DefaultErrorHandler, max_retries: 2}"));

        assertThat(api.targets()).hasSize(3);
        assertThat(output.exitCode()).isNotZero();
        assertThat(output.statuses("items")).endsWith(StreamStatus.INCOMPLETE);
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
            assertThat(error.message()).contains("HTTP Status Code: 503. Error: Service unavailable.");
        });
    }

    @Test
    void exhaustedRateLimitsSayRateLimited() {
        api.on("GET", "/items", status(429, "Retry-After", "1"));

        Output output = run.read(withErrorHandler("""
                type: DefaultErrorHandler
                max_retries: 1
                backoff_strategies: [{type: WaitTimeFromHeader, header: Retry-After}]
                """));

        assertThat(api.targets()).hasSize(2);
        assertThat(run.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
            assertThat(error.message()).contains("API rate limit exceeded");
        });
    }

    @Test
    void aWaitBeyondTheCapStopsTheStream() {
        api.on("GET", "/items", status(429, "Retry-After", "3600"));

        Output output = run.read(withErrorHandler("""
                type: DefaultErrorHandler
                backoff_strategies: [{type: WaitTimeFromHeader, header: Retry-After, max_waiting_time_in_seconds: 600}]
                """));

        assertThat(api.targets()).hasSize(1);
        assertThat(run.sleeper.waits()).isEmpty();
        assertThat(output.errors()).anySatisfy(error -> {
            assertThat(error.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
            assertThat(error.message()).contains("longer than the connector is allowed to wait");
        });
    }
}
