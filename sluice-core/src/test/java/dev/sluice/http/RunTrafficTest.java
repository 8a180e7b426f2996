package dev.sluice.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.source.RunContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run's own limiter and observer come before an executor's, on every attempt of every executor of the run. */
class RunTrafficTest {

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ExchangeObserver observer(String who) {
        return new ExchangeObserver() {
            @Override
            public void onRequest(HttpRequest request) {
                events.add(who + " request");
            }

            @Override
            public void onResponse(HttpRequest request, HttpResponse response) {
                events.add(who + " response " + response.status());
            }

            @Override
            public void onRetry(HttpRequest request, Duration wait) {
                events.add(who + " retry in " + wait.toSeconds() + " s");
            }
        };
    }

    private HttpExecutor executor(RunContext run) {
        return new HttpExecutor(run.service(HttpTransport.SERVICE), DefaultErrorMapping.INSTANCE, RetryPolicy.DEFAULT,
                Authenticator.NONE, sleeper, clock);
    }

    @Test
    void theRunsLimiterAndObserverSeeEveryAttemptBeforeTheExecutorsOwn() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        try (RunContext run = RunContext.named("traffic")) {
            run.preset(RunTraffic.SERVICE, new RunTraffic(request -> events.add("run acquire"), observer("run")));
            HttpExecutor executor = executor(run).withRateLimiter(request -> events.add("own acquire"))
                    .withObserver(observer("own")).inRun(run);

            executor.send(HttpRequest.get(URI.create(server.url("/items").toString()))).orElseThrow();
        }

        assertThat(events).containsExactly(
                "run acquire", "own acquire", "run request", "own request", "run response 503", "own response 503",
                "run retry in 1 s", "own retry in 1 s",
                "run acquire", "own acquire", "run request", "own request", "run response 200", "own response 200");
    }

    @Test
    void aRunWithoutTrafficHooksLeavesTheExecutorAsItIs() {
        try (RunContext run = RunContext.named("plain")) {
            HttpExecutor executor = executor(run);
            assertThat(executor.inRun(run)).isSameAs(executor);
        }
    }
}
