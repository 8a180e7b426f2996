package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.FailureType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExecutorTest {

    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final HttpTransport transport = HttpTransport.jdk(
            new HttpTransport.Options(Duration.ofSeconds(5), Duration.ofMillis(500), 1024 * 1024));

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpExecutor executor(ErrorHandler handler) {
        return new HttpExecutor(transport, handler, Authenticator.bearer("tok"), sleeper, clock);
    }

    private HttpExecutor executor() {
        return executor(handlerHonouringRetryAfter());
    }

    private ErrorHandler handlerHonouringRetryAfter() {
        return new ErrorHandler(DefaultErrorMapping.INSTANCE,
                RetryPolicy.DEFAULT.withBackoffStrategies(java.util.List.of(new RetryAfterBackoff(clock))));
    }

    private HttpRequest get(String path) {
        return HttpRequest.get(URI.create(server.url(path).toString()));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json").build();
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffAndAuthenticatesEveryAttempt() throws Exception {
        server.enqueue(json(503, "{\"error\":\"down\"}"));
        server.enqueue(json(500, "{}"));
        server.enqueue(json(200, "{\"ok\":true}"));

        HttpResponse response = executor().send(get("/items"), r -> r).orElseThrow();

        assertThat(response.json().get("ok").asBoolean()).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
        }
    }

    @Test
    void honoursRetryAfterInSecondsAndAsHttpDate() {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", inNinetySeconds).build());
        server.enqueue(json(200, "[]"));

        executor().send(get("/limited")).orElseThrow();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(90));
    }

    @Test
    void givesUpAfterFiveRetriesNamingTheRequest() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(json(502, "{\"message\":\"bad gateway\"}"));
        }
        assertThatThrownBy(() -> executor().send(get("/flaky?page=3")))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.userMessage()).contains("GET http://").contains("/flaky?page=3")
                            .contains("bad gateway").contains("(6)");
                });
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(sleeper.waits).hasSize(5);
    }

    @Test
    void rateLimitExhaustionIsTransientWithTheReferenceMessage() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(429).build());
        }
        assertThatThrownBy(() -> executor().send(get("/x")))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
                    assertThat(e.userMessage()).startsWith("API rate limit exceeded.");
                });
    }

    @Test
    void clientErrorsFailAtOnceWithTheirFailureType() {
        server.enqueue(json(401, "{\"error\":\"invalid api key\"}"));
        assertThatThrownBy(() -> executor().send(get("/secure")))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.CONFIG_ERROR);
                    assertThat(e.userMessage()).contains("invalid api key");
                });
        server.enqueue(json(404, "{}"));
        assertThatThrownBy(() -> executor().send(get("/missing")))
                .isInstanceOfSatisfying(HttpResponseException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void malformedJsonOnA200IsRetriedNotTreatedAsNoRecords() {
        server.enqueue(json(200, "{\"data\": [1, 2,"));
        server.enqueue(json(200, "{\"data\": [1, 2]}"));

        HttpResponse response = executor().send(get("/page"), r -> {
            r.json();
            return r;
        }).orElseThrow();

        assertThat(response.json().get("data")).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBodyCutOffMidwayIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\": [" + "1,".repeat(5000) + "1]}")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(200, "{\"data\": []}"));

        HttpResponse response = executor().send(get("/cut"), r -> {
            r.json();
            return r;
        }).orElseThrow();

        assertThat(response.json().get("data")).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStalledBodyTimesOutAndIsRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"data\": [" + "1,".repeat(100) + "1]}")
                .throttleBody(10, 10, TimeUnit.SECONDS).build());
        server.enqueue(json(200, "{\"data\": [1]}"));

        HttpResponse response = executor().send(get("/slow"), r -> {
            r.json();
            return r;
        }).orElseThrow();

        assertThat(response.json().get("data")).hasSize(1);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void connectionRefusedIsATransientFailureAfterRetries() {
        int port = server.getPort();
        server.close();
        HttpRequest request = HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/gone"));
        assertThatThrownBy(() -> executor().send(request))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR);
                    assertThat(e.status()).isZero();
                    assertThat(e.userMessage()).contains("Connection failed");
                });
        assertThat(sleeper.waits).hasSize(5);
    }

    @Test
    void oversizedBodiesAreRefusedWithoutRetrying() {
        server.enqueue(json(200, "x".repeat(2 * 1024 * 1024)));
        assertThatThrownBy(() -> executor().send(get("/huge")))
                .isInstanceOfSatisfying(HttpResponseException.class,
                        e -> assertThat(e.userMessage()).contains("exceeds"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
