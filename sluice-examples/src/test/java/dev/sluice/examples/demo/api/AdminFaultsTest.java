package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /_admin/faults}: the JSON mapping onto {@link Fault} records, and faults scheduled over HTTP. */
class AdminFaultsTest extends DemoApiTestCase {

    static Stream<Arguments> everyFaultType() {
        return Stream.of(
                Arguments.of("{\"type\": \"STATUS\", \"status\": 503}", new Fault.Status(503)),
                Arguments.of("{\"type\": \"STATUS\", \"status\": 400, \"body\": \"bad\", "
                        + "\"headers\": {\"X-A\": \"1\"}}", new Fault.Status(400, "bad", Map.of("X-A", "1"))),
                Arguments.of("{\"type\": \"RATE_LIMIT\", \"retry_after_seconds\": 30}", new Fault.RateLimit(30)),
                Arguments.of("{\"type\": \"RATE_LIMIT_HTTP_DATE\", \"retry_at\": \"2030-01-02T03:04:05Z\"}",
                        new Fault.RateLimitHttpDate(Instant.parse("2030-01-02T03:04:05Z"))),
                Arguments.of("{\"type\": \"DELAY\", \"millis\": 250}", new Fault.Delay(Duration.ofMillis(250))),
                Arguments.of("{\"type\": \"DROP_CONNECTION\"}", new Fault.DropConnection()),
                Arguments.of("{\"type\": \"RESET\"}", new Fault.Reset()),
                Arguments.of("{\"type\": \"TRUNCATED_BODY\"}", new Fault.TruncatedBody()),
                Arguments.of("{\"type\": \"MALFORMED_JSON\"}", new Fault.MalformedJson()),
                Arguments.of("{\"type\": \"TRUNCATED_JSON\"}", new Fault.TruncatedJson()),
                Arguments.of("{\"type\": \"STALL_MID_BODY\", \"millis\": 60000}",
                        new Fault.StallMidBody(Duration.ofMinutes(1))),
                Arguments.of("{\"type\": \"EMPTY_200\"}", new Fault.Empty200()));
    }

    @ParameterizedTest
    @MethodSource("everyFaultType")
    void eachFaultTypeMapsToItsRecord(String faultJson, Fault expected) throws Exception {
        HttpResponse<String> response = client.postJson("/_admin/faults",
                "{\"path\": \"/employees\", \"fault\": " + faultJson + "}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"scheduled\":1}");
        assertThat(api.faults().pending()).containsExactly(new FaultRule("/employees", Map.of(), expected, 1));
    }

    @Test
    void anArraySchedulesSeveralRulesWithQueriesAndCounts() throws Exception {
        HttpResponse<String> response = client.postJson("/_admin/faults", "["
                + "{\"path\": \"/employees\", \"query\": {\"page\": 8}, \"times\": 3, "
                + "\"fault\": {\"type\": \"RESET\"}},"
                + "{\"path\": \"/health\", \"times\": \"always\", \"fault\": {\"type\": \"EMPTY_200\"}}]");

        assertThat(response.body()).isEqualTo("{\"scheduled\":2}");
        assertThat(api.faults().pending()).containsExactly(
                new FaultRule("/employees", Map.of("page", "8"), new Fault.Reset(), 3),
                new FaultRule("/health", Map.of(), new Fault.Empty200(), FaultRule.ALWAYS));
    }

    @Test
    void deleteClearsEveryRule() throws Exception {
        api.faults().once("/a", new Fault.Reset()).once("/b", new Fault.Reset());

        HttpResponse<String> response = client.send(client.request("/_admin/faults").DELETE());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"cleared\":2}");
        assertThat(api.faults().pending()).isEmpty();
    }

    @Test
    void aFaultScheduledOverHttpReachesTheClient() throws Exception {
        client.postJson("/_admin/faults", "{\"path\": \"/employees\", \"query\": {\"page\": \"3\"}, \"times\": 2, "
                + "\"fault\": {\"type\": \"RESET\"}}");

        assertThat(client.get("/employees?page=2").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.get("/employees?page=3")).isInstanceOf(IOException.class);
        assertThat(client.get("/employees?page=3").statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("not json", "body is not JSON"),
                Arguments.of("{\"path\": \"/x\"}", "missing \\\"fault\\\""),
                Arguments.of("{\"fault\": {\"type\": \"RESET\"}}", "\\\"path\\\" must be a string"),
                Arguments.of("{\"path\": \"/x?page=1\", \"fault\": {\"type\": \"RESET\"}}", "must not contain a query"),
                Arguments.of("{\"path\": \"x\", \"fault\": {\"type\": \"RESET\"}}", "path must start with '/'"),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"BOOM\"}}", "unknown fault type \\\"BOOM\\\""),
                Arguments.of("{\"path\": \"/x\", \"fualt\": {\"type\": \"RESET\"}}", "unknown key \\\"fualt\\\""),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"RATE_LIMIT\", \"retry_after\": 5}}",
                        "unknown key \\\"retry_after\\\" in RATE_LIMIT"),
                Arguments.of("{\"path\": \"/x\", \"times\": 0, \"fault\": {\"type\": \"RESET\"}}", "\\\"times\\\""),
                Arguments.of("{\"path\": \"/x\", \"times\": \"often\", \"fault\": {\"type\": \"RESET\"}}",
                        "\\\"times\\\""),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"STATUS\", \"status\": 99}}",
                        "between 200 and 599"),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"STATUS\", \"status\": \"500\"}}",
                        "\\\"status\\\" must be an integer"),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"DELAY\", \"millis\": -5}}",
                        "must not be negative"),
                Arguments.of("{\"path\": \"/x\", \"fault\": {\"type\": \"RATE_LIMIT_HTTP_DATE\", "
                        + "\"retry_at\": \"soon\"}}", "ISO-8601"),
                Arguments.of("{\"path\": \"/x\", \"query\": {\"page\": [1]}, \"fault\": {\"type\": \"RESET\"}}",
                        "\\\"query\\\" values"),
                Arguments.of("[{\"path\": \"/x\", \"fault\": {\"type\": \"RESET\"}}, 7]", "must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidRulesAreRefusedAndNothingIsScheduled(String body, String message) throws Exception {
        HttpResponse<String> response = client.postJson("/_admin/faults", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"error\":").contains(message);
        assertThat(api.faults().pending()).isEmpty();
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        assertThat(client.get("/_admin/faults").statusCode()).isEqualTo(405);
        assertThat(client.postJson("/_admin/requests", "{}").statusCode()).isEqualTo(405);
    }
}
