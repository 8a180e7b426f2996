package dev.sluice.examples.demo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults that still answer with a well-framed HTTP response, as a JDK client sees them. */
class ResponseFaultsTest extends DemoApiTestCase {

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 500, 502, 503})
    void statusReplacesTheResponseOnce(int status) throws Exception {
        api.faults().once("/employees?page=2", new Fault.Status(status));

        HttpResponse<String> faulted = client.get("/employees?page=2");

        assertThat(faulted.statusCode()).isEqualTo(status);
        assertThat(faulted.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(faulted.body()).isEqualTo("{\"error\":\"injected fault: HTTP " + status + "\"}");
        assertThat(client.get("/employees?page=2").statusCode()).isEqualTo(200);
    }

    @Test
    void statusCarriesTheGivenBodyAndHeaders() throws Exception {
        api.faults().once("/health", new Fault.Status(503, "down for maintenance",
                Map.of("Content-Type", "text/plain", "X-Upstream", "db-1")));

        HttpResponse<String> response = client.get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("down for maintenance");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("db-1");
    }

    @Test
    void statusRefusesHeadersThatWouldSplitTheResponse() {
        assertThatThrownBy(() -> new Fault.Status(500, "", Map.of("X-A", "1\r\nX-B: 2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault.Status(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimitSendsRetryAfterInSeconds() throws Exception {
        api.faults().once("/employees", new Fault.RateLimit(30));

        HttpResponse<String> response = client.get("/employees?page=4");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("{\"error\":\"rate limit exceeded\"}");
    }

    @Test
    void rateLimitSendsRetryAfterAsAnHttpDate() throws Exception {
        api.faults().once("/employees", new Fault.RateLimitHttpDate(Instant.parse("2030-01-02T03:04:05.678Z")));

        HttpResponse<String> response = client.get("/employees");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("Wed, 02 Jan 2030 03:04:05 GMT");
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() throws Exception {
        api.faults().once("/employees", new Fault.MalformedJson());

        HttpResponse<String> response = client.get("/employees");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isNotEmpty();
        assertThatThrownBy(() -> Json.parse(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void truncatedJsonIsTheFirstHalfOfTheRealPageWithAMatchingLength() throws Exception {
        byte[] normal = client.get("/employees?page=8").body().getBytes(StandardCharsets.UTF_8);
        api.faults().once("/employees?page=8", new Fault.TruncatedJson());

        HttpResponse<String> response = client.get("/employees?page=8");

        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(body.length);
        assertThat(body).isEqualTo(Arrays.copyOf(normal, normal.length / 2));
        assertThatThrownBy(() -> Json.parse(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void empty200HasNoBody() throws Exception {
        api.faults().once("/employees", new Fault.Empty200());

        HttpResponse<String> response = client.get("/employees");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(0);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void delayAnswersNormallyButNotBeforeTheDelay() throws Exception {
        String normal = client.get("/employees?page=3").body();
        api.faults().once("/employees", new Fault.Delay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        HttpResponse<String> response = client.get("/employees?page=3");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(normal);
    }

    @Test
    void latencyDelaysEveryDataRequest() throws Exception {
        try (DemoApi slow = DemoApi.start(DemoApiOptions.defaults().withLatency(Duration.ofMillis(150)));
                TestClient slowClient = new TestClient(slow)) {
            for (String target : new String[] {"/health", "/employees"}) {
                long started = System.nanoTime();
                assertThat(slowClient.get(target).statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
            }
        }
    }
}
