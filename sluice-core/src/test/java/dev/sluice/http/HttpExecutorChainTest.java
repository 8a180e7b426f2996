package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The steps of the chain around a send: rate limiter and observer, in order, with the real exchanges. */
class HttpExecutorChainTest {

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    private final HttpTransport transport = HttpTransport.jdk(
            new HttpTransport.Options(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024 * 1024));
    private final List<String> events = new ArrayList<>();

    private final ExchangeObserver observer = new ExchangeObserver() {
        @Override
        public void onRequest(HttpRequest request) {
            events.add("request " + request.uri().getPath() + " " + request.headers().get("Authorization"));
        }

        @Override
        public void onResponse(HttpRequest request, HttpResponse response) {
            events.add("response " + response.status() + " " + response.bodyText());
        }

        @Override
        public void onFailure(HttpRequest request, IOException failure) {
            events.add("failure " + failure.getClass().getSimpleName());
        }
    };

    private final RateLimiter limiter = request -> events.add("acquire " + request.headers().get("Authorization"));

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpExecutor executor(HttpTransport over) {
        return new HttpExecutor(over, DefaultErrorMapping.INSTANCE, RetryPolicy.DEFAULT, Authenticator.bearer("tok"),
                sleeper, clock);
    }

    private HttpRequest get(String path) {
        return HttpRequest.get(URI.create(server.url(path).toString()));
    }

    @Test
    void theRateLimiterThenTheObserverSeeEveryAttemptRetriesIncluded() {
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());

        executor(transport).withRateLimiter(limiter).withObserver(observer).send(get("/items")).orElseThrow();

        assertThat(events).containsExactly(
                "acquire null", "request /items Bearer tok", "response 503 down",
                "acquire null", "request /items Bearer tok", "response 429 ",
                "acquire null", "request /items Bearer tok", "response 200 {\"ok\":true}");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theBudgetIsWaitedForBeforeTheRequestIsAuthenticated() {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        Authenticator recording = request -> {
            events.add("authenticate");
            return request.withHeader("Authorization", "Bearer fresh");
        };
        HttpExecutor executor = new HttpExecutor(transport, DefaultErrorMapping.INSTANCE, RetryPolicy.DEFAULT,
                recording, sleeper, clock).withRateLimiter(limiter).withObserver(observer);

        executor.send(get("/items")).orElseThrow();

        assertThat(events).containsExactly("acquire null", "authenticate", "request /items Bearer fresh",
                "response 200 {}");
    }

    @Test
    void aStreamedBodyIsClosedWhenTheClassifierThrows() {
        FakeTransport fake = new FakeTransport(1024);
        fake.answer(200, "{\"data\":[1]}");
        ErrorClassifier broken = response -> {
            throw new IllegalStateException("classifier broke");
        };
        HttpExecutor executor = new HttpExecutor(fake, broken, RetryPolicy.DEFAULT, Authenticator.NONE, sleeper,
                clock);

        assertThatThrownBy(() -> executor.stream(HttpRequest.get(URI.create("http://api.test/items")),
                (head, body) -> body.readAllBytes())).hasMessage("classifier broke");
        assertThat(fake.closed).isEqualTo(1);
    }

    @Test
    void aStreamedBodyIsClosedWhenTheObserverThrows() {
        FakeTransport fake = new FakeTransport(1024);
        fake.answer(200, "{\"data\":[1]}");
        ExchangeObserver broken = new ExchangeObserver() {
            @Override
            public void onResponse(HttpRequest request, HttpResponse response) {
                throw new IllegalStateException("observer broke");
            }
        };
        HttpExecutor executor = executor(fake).withObserver(broken);

        assertThatThrownBy(() -> executor.stream(HttpRequest.get(URI.create("http://api.test/items")),
                (head, body) -> body.readAllBytes())).hasMessage("observer broke");
        assertThat(fake.closed).isEqualTo(1);
    }

    @Test
    void theObserverSeesTransportFailures() {
        int port = server.getPort();
        server.close();
        HttpRequest request = HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/gone"));
        HttpExecutor executor = new HttpExecutor(transport, DefaultErrorMapping.INSTANCE,
                RetryPolicy.DEFAULT.withMaxRetries(1), Authenticator.NONE, sleeper, clock).withObserver(observer);

        assertThatThrownBy(() -> executor.send(request)).isInstanceOf(HttpResponseException.class)
                .hasMessageContaining("Exhausted available request attempts (2)");
        assertThat(events).containsExactly("request /gone null", "failure ConnectException",
                "request /gone null", "failure ConnectException");
    }

    @Test
    void anInterruptedRateLimiterStopsBeforeSending() {
        RateLimiter interrupted = request -> {
            throw new InterruptedException("budget wait interrupted");
        };
        HttpExecutor executor = executor(transport).withRateLimiter(interrupted).withObserver(observer);

        assertThatThrownBy(() -> executor.send(get("/x")))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT_ERROR))
                .hasMessageContaining("Interrupted while sending GET");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(events).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anotherTransportPlugsIn() {
        FakeTransport fake = new FakeTransport(1024);
        fake.answer(503, "{\"message\":\"busy\"}");
        fake.answer(200, "{\"data\":[1,2]}");

        HttpResponse response = executor(fake).send(HttpRequest.get(URI.create("http://api.test/items")),
                r -> {
                    r.json();
                    return r;
                }).orElseThrow();

        assertThat(response.json().get("data")).hasSize(2);
        assertThat(fake.sent).hasSize(2).allSatisfy(sent ->
                assertThat(sent.headers()).containsEntry("Authorization", "Bearer tok"));
        assertThat(fake.closed).isEqualTo(2);
    }

    @Test
    void theBodyLimitHoldsForAnyTransport() {
        FakeTransport fake = new FakeTransport(8);
        fake.answer(200, "[1,2,3,4,5]");

        assertThatThrownBy(() -> executor(fake).send(HttpRequest.get(URI.create("http://api.test/big"))))
                .isInstanceOfSatisfying(HttpResponseException.class, e -> {
                    assertThat(e.failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
                    assertThat(e.userMessage()).contains("exceeds 8 bytes");
                });
        assertThat(fake.sent).hasSize(1);
    }

    @Test
    void aStreamedResponseThatIsNotWantedIsClosedUnread() {
        FakeTransport fake = new FakeTransport(1024);
        fake.answer(204, "never read");
        ErrorClassifier ignoreNoContent = response -> response.status() == 204
                ? ErrorResolution.of(ResponseAction.IGNORE, FailureType.SYSTEM_ERROR, "no content")
                : ErrorResolution.SUCCESS;
        HttpExecutor executor = new HttpExecutor(fake, ignoreNoContent, RetryPolicy.DEFAULT, Authenticator.NONE,
                sleeper, clock);

        assertThat(executor.stream(HttpRequest.get(URI.create("http://api.test/none")),
                (head, body) -> body.readAllBytes())).isEmpty();
        assertThat(fake.closed).isEqualTo(1);
    }

    /** A transport without any HTTP client: canned answers, and a count of closed bodies. */
    private static final class FakeTransport implements HttpTransport {
        private final Options options;
        private final Deque<Map.Entry<Integer, String>> answers = new ArrayDeque<>();
        final List<HttpRequest> sent = new ArrayList<>();
        int closed;

        FakeTransport(long maxBodyBytes) {
            this.options = new Options(Duration.ofSeconds(1), Duration.ofSeconds(1), maxBodyBytes);
        }

        void answer(int status, String body) {
            answers.add(Map.entry(status, body));
        }

        @Override
        public Options options() {
            return options;
        }

        @Override
        public OpenedResponse open(HttpRequest request) {
            sent.add(request);
            Map.Entry<Integer, String> answer = answers.removeFirst();
            InputStream body = new ByteArrayInputStream(answer.getValue().getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed++;
                }
            };
            return new OpenedResponse(request, answer.getKey(),
                    ResponseHeaders.of(Map.of("Content-Type", List.of("application/json"))), body);
        }
    }
}
