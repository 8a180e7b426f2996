package dev.sluice.declarative.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.declarative.fixtures.Components;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.ErrorHandler;
import dev.sluice.http.ErrorResolution;
import dev.sluice.http.HttpResponse;
import dev.sluice.http.ResponseAction;
import dev.sluice.protocol.FailureType;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's {@code test_default_error_handler.py}, {@code test_http_response_filter.py} and
 * {@code test_composite_error_handler.py}.
 */
class ErrorHandlersTest {

    static ErrorHandler handler(String yaml, String config) {
        return Components.bind(yaml, ErrorHandlerSpec.class).build(Components.context(config));
    }

    static ErrorHandler handler(String yaml) {
        return handler(yaml, "{}");
    }

    private static void assertResolution(ErrorResolution actual, ResponseAction action, @Nullable FailureType type,
            @Nullable String message) {
        assertThat(actual.action()).isEqualTo(action);
        assertThat(actual.failureType()).isEqualTo(type);
        assertThat(actual.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "200 | SUCCESS | null | null",
        "400 | FAIL | SYSTEM_ERROR | HTTP Status Code: 400. Error: Bad request. Please check your request parameters.",
        "401 | FAIL | CONFIG_ERROR | HTTP Status Code: 401. Error: Unauthorized. Please ensure you are authenticated correctly.",
        "404 | FAIL | SYSTEM_ERROR | HTTP Status Code: 404. Error: Not found. The requested resource was not found on the server.",
        "408 | RETRY | TRANSIENT_ERROR | HTTP Status Code: 408. Error: Request timeout.",
        "429 | RATE_LIMITED | TRANSIENT_ERROR | HTTP Status Code: 429. Error: Too many requests.",
        "503 | RETRY | TRANSIENT_ERROR | HTTP Status Code: 503. Error: Service unavailable.",
        "418 | RETRY | SYSTEM_ERROR | Response was not ok: `418 Client Error for url: https://airbyte.io/`. Response content is: teapot",
    })
    void defaultMapping(int status, ResponseAction action, FailureType type, String message) {
        assertResolution(handler("{type: DefaultErrorHandler}").classifier()
                .classify(ErrorResponses.of(status, "teapot")), action, type, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "400 retried with the mapped type | 400 | {http_codes: [400], action: RETRY} | RETRY | SYSTEM_ERROR"
                + " | HTTP Status Code: 400. Error: Bad request. Please check your request parameters.",
        "402 unmapped | 402 | {http_codes: [402], action: FAIL} | FAIL | SYSTEM_ERROR | ''",
        "403 keeps its config error | 403 | {http_codes: [403], action: FAIL} | FAIL | CONFIG_ERROR"
                + " | HTTP Status Code: 403. Error: Forbidden. You don't have permission to access this resource.",
        "error message contains | 418 | {action: FAIL, error_message_contains: test} | FAIL | SYSTEM_ERROR | ''",
        "predicate | 418 | {action: FAIL, predicate: \"{{ \\\"error\\\" in response }}\"} | FAIL | SYSTEM_ERROR | ''",
        "predicate beats the mapping | 404 | {action: FAIL, predicate: \"{{ \\\"error\\\" in response }}\"} | FAIL"
                + " | SYSTEM_ERROR | HTTP Status Code: 404. Error: Not found. The requested resource was not found on the server.",
    })
    void customFilters(String name, int status, String filter, ResponseAction action, FailureType type, String message) {
        HttpResponse response = ErrorResponses.of(status, "{\"error\": \"test\"}");

        assertResolution(handler("{type: DefaultErrorHandler, response_filters: [" + filter + "]}").classifier()
                .classify(response), action, type, message);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"RETRY, FAIL, RETRY", "FAIL, RETRY, FAIL", "IGNORE, IGNORE, IGNORE", "SUCCESS, IGNORE, SUCCESS"})
    void theFirstMatchingFilterWins(ResponseAction first, ResponseAction second, ResponseAction expected) {
        ErrorHandler handler = handler("{type: DefaultErrorHandler, response_filters: [{http_codes: [400], action: "
                + first + "}, {http_codes: [400], action: " + second + "}]}");

        assertThat(handler.classifier().classify(ErrorResponses.of(400)).action()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "code matches | FAIL | null | [501, 503] | '' | '' | custom error message | 503 | '' | '' | FAIL | TRANSIENT_ERROR"
                + " | custom error message",
        "ignore | IGNORE | null | [403] | '' | '' | '' | 403 | '' | '' | IGNORE | CONFIG_ERROR"
                + " | HTTP Status Code: 403. Error: Forbidden. You don't have permission to access this resource.",
        "retry | RETRY | null | [429] | '' | '' | '' | 429 | '' | '' | RETRY | TRANSIENT_ERROR"
                + " | HTTP Status Code: 429. Error: Too many requests.",
        "predicate on json | FAIL | null | [] | '{{ response.the_body == \"do_i_match\" }}' | '' | 'error message was: {{ response.failure }}'"
                + " | 404 | '{\"the_body\": \"do_i_match\", \"failure\": \"i failed you\"}' | '' | FAIL | SYSTEM_ERROR"
                + " | error message was: i failed you",
        "predicate on headers | FAIL | null | [] | '{{ headers.the_key == \"header_match\" }}' | '' | 'error from header: {{ headers.warning }}'"
                + " | 404 | '' | the_key=header_match | FAIL | SYSTEM_ERROR | error from header: this failed",
        "error message contains | FAIL | null | [] | null | DENIED | '' | 403 | '{\"error\": \"REQUEST_DENIED\"}' | ''"
                + " | FAIL | CONFIG_ERROR | HTTP Status Code: 403. Error: Forbidden. You don't have permission to access this resource.",
        "does not match | FAIL | null | [400, 404] | '{{ headers.error == \"invalid_input\" or response.reason == \"bad request\"}}'"
                + " | '' | '' | 403 | '{\"reason\": \"permission denied\"}' | error=authentication_error | null | null | null",
        "config error | FAIL | config_error | [403, 404] | '' | '' | check permissions | 403 | '' | '' | FAIL | CONFIG_ERROR"
                + " | check permissions",
        "system error | FAIL | system_error | [403, 404] | '' | '' | check permissions | 403 | '' | '' | FAIL | SYSTEM_ERROR"
                + " | check permissions",
        "transient error | FAIL | transient_error | [500] | '' | '' | rate limits | 500 | '' | '' | FAIL | TRANSIENT_ERROR"
                + " | rate limits",
        "failure type only for FAIL | RETRY | config_error | [500] | '' | '' | rate limits | 500 | '' | '' | RETRY"
                + " | TRANSIENT_ERROR | rate limits",
        "rate limited | RATE_LIMITED | null | [500] | '' | '' | rate limits | 500 | '' | '' | RATE_LIMITED | TRANSIENT_ERROR"
                + " | rate limits",
    })
    void responseFilters(String name, String action, String failureType, String codes, String predicate,
            String contains, String message, int status, String body, String header, ResponseAction expectedAction,
            FailureType expectedType, String expectedMessage) {
        String yaml = "{type: HttpResponseFilter, action: " + action + ", http_codes: " + codes
                + (failureType == null ? "" : ", failure_type: " + failureType)
                + (predicate == null ? "" : ", predicate: '" + predicate.replace("'", "''") + "'")
                + (contains.isEmpty() ? "" : ", error_message_contains: " + contains)
                + ", error_message: '" + message + "'}";
        HttpResponseFilter filter = Components.bind(yaml, HttpResponseFilterSpec.class).build(Components.context());
        String[] headers = header.isEmpty() ? new String[0] : header.split("=");
        if (name.equals("predicate on headers")) {
            headers = new String[] {"the_key", "header_match", "warning", "this failed"};
        }

        ErrorResolution resolution = filter.matches(ErrorResponses.of(status, body, headers)).orElse(null);

        if (expectedAction == null) {
            assertThat(resolution).isNull();
        } else {
            assertResolution(resolution, expectedAction, expectedType, expectedMessage);
        }
    }

    @Test
    void aFilterWithAnActionButNoConditionNeverMatches() {
        HttpResponseFilter filter = Components.bind("{type: HttpResponseFilter, action: IGNORE}",
                HttpResponseFilterSpec.class).build(Components.context());

        assertThat(filter.matches(ErrorResponses.of(404))).isEmpty();
    }

    @Test
    void aFilterWithoutActionNeverMatches() {
        assertResolution(handler("{type: DefaultErrorHandler, response_filters: [{http_codes: [404]}]}")
                .classifier().classify(ErrorResponses.of(404)), ResponseAction.FAIL, FailureType.SYSTEM_ERROR,
                "HTTP Status Code: 404. Error: Not found. The requested resource was not found on the server.");
    }

    @ParameterizedTest(name = "max_retries {0}")
    @CsvSource(delimiter = '|', value = {
        "'' | {} | 5",
        "10 | {} | 10",
        "0 | {} | 0",
        "\"{{ config['max_retries_on_throttle'] }}\" | {\"max_retries_on_throttle\": 1} | 1",
        "\"{{ config.get('max_retries_on_throttle', 7) }}\" | {} | 7",
        "\"{{ config['max_retries_on_throttle'] }}\" | {\"max_retries_on_throttle\": 0} | 0",
        "\"{{ config['max_retries_on_throttle'] }}\" | {\"max_retries_on_throttle\": \"3\"} | 3",
    })
    void maxRetries(String maxRetries, String config, int expected) {
        String yaml = "{type: DefaultErrorHandler" + (maxRetries.isEmpty() ? "" : ", max_retries: " + maxRetries) + "}";

        assertThat(handler(yaml, config).maxRetries()).isEqualTo(expected);
    }

    @Test
    void maxRetriesMustBeAnInteger() {
        assertThatThrownBy(() -> handler("{type: DefaultErrorHandler, max_retries: \"{{ config['m'] }}\"}",
                "{\"m\": \"not-a-number\"}"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("DefaultErrorHandler.max_retries did not evaluate to an integer (got 'not-a-number')");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ok, ok | SUCCESS | SUCCESS | SUCCESS",
        "ignore, fail | IGNORE | FAIL | IGNORE",
        "fail, ignore | FAIL | IGNORE | IGNORE",
        "ignore, retry | IGNORE | RETRY | IGNORE",
        "ignore, success | IGNORE | SUCCESS | IGNORE",
        "fail, fail | FAIL | FAIL | FAIL",
    })
    void compositeTakesTheFirstDecisiveVerdict(String name, String first, String second, ResponseAction expected) {
        ErrorHandler composite = handler("{type: CompositeErrorHandler, error_handlers: ["
                + "{response_filters: [{http_codes: [400], action: " + first + "}]},"
                + "{response_filters: [{http_codes: [400], action: " + second + "}]}]}");

        assertThat(composite.classifier().classify(ErrorResponses.of(400)).action()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"403, IGNORE", "404, FAIL"})
    void compositeWithSeveralFilters(int status, ResponseAction expected) {
        ErrorHandler oneHandler = handler("{type: CompositeErrorHandler, error_handlers: [{response_filters: ["
                + "{http_codes: [403], action: IGNORE}, {http_codes: [404], action: FAIL}]}]}");
        ErrorHandler twoHandlers = handler("{type: CompositeErrorHandler, error_handlers: ["
                + "{response_filters: [{http_codes: [403], action: IGNORE}]},"
                + "{response_filters: [{http_codes: [404], action: FAIL}]}]}");

        assertThat(oneHandler.classifier().classify(ErrorResponses.of(status)).action()).isEqualTo(expected);
        assertThat(twoHandlers.classifier().classify(ErrorResponses.of(status)).action()).isEqualTo(expected);
    }

    @Test
    void compositeConcatenatesBackoffStrategiesAndTakesTheFirstMaxRetries() {
        ErrorHandler composite = handler("{type: CompositeErrorHandler, error_handlers: ["
                + "{max_retries: 2, backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 5}]},"
                + "{max_retries: 9},"
                + "{backoff_strategies: [{type: ConstantBackoffStrategy, backoff_time_in_seconds: 10}]}]}");

        assertThat(composite.backoffStrategies()).hasSize(2);
        assertThat(composite.backoffStrategies().get(0).backoff(ErrorResponses.of(500), 1))
                .contains(Duration.ofSeconds(6));
        assertThat(composite.maxRetries()).isEqualTo(2);
        assertThatThrownBy(() -> handler("{type: CompositeErrorHandler, error_handlers: []}"))
                .isInstanceOf(ManifestException.class);
    }
}
