package dev.sluice.testkit;

import dev.sluice.source.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local HTTP API for a test: a MockWebServer on loopback that answers routed responses and records every request
 * it received, in order.
 *
 * <pre>{@code
 * @RegisterExtension
 * final MockApi api = new MockApi();             // a fresh server for every test
 *
 * @Test
 * void readsTwoPages() {
 *     api.on("GET", "/items").json("{\"data\": [{\"id\": 1}], \"next\": \"c2\"}").json("{\"data\": []}");
 *
 *     Output output = ConnectorHarness.of(source).read(api.config("{\"api_key\": \"k\"}"), ...);
 *
 *     assertThat(api.targets()).containsExactly("GET /items", "GET /items?cursor=c2");
 *     RequestAssert.assertThat(api.request(1)).hasQueryParameter("cursor", "c2").hasHeader("X-Key", "k");
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> As an instance field with {@code @RegisterExtension} the server starts before each test and
 * stops after it; as a {@code static} field it starts empty once before all tests of the class and stops after
 * them, keeping its routes and requests from test to test ({@link #reset()} forgets them). Outside JUnit, {@link #start()}
 * and {@link #close()} (try-with-resources) do the same by hand.
 *
 * <p><b>Answers.</b> A request is answered by the route of its method and encoded path (query excluded); a route
 * gives its responses in turn and repeats the last. A request no route matches takes the next response
 * {@link #enqueue enqueued} without a route, then the {@link #otherwise} handler, and without one gets a 404 JSON
 * body naming the target.
 * {@link #assertEveryRouteCalled()} fails when a route was never requested (the reference's {@code HttpMocker}
 * check), so a stub the code stopped using does not go unnoticed.
 *
 * <p><b>Threads.</b> Requests are answered on the server's threads; every method here may be called from any
 * thread, and the lists returned are snapshots.
 */
public final class MockApi implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    private final Object lock = new Object();
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Deque<MockResponse> unrouted = new ArrayDeque<>();
    private @Nullable Function<RecordedRequest, MockResponse> otherwise;
    private final List<ReceivedRequest> received = new ArrayList<>();
    private @Nullable MockWebServer server;
    private boolean classWide;

    /** A mock API, started by JUnit (or {@link #start()}). */
    public MockApi() {
    }

    // ---- lifecycle

    /** Starts the server on a free loopback port; does nothing when it runs already. */
    public MockApi start() {
        synchronized (lock) {
            if (server == null) {
                MockWebServer started = new MockWebServer();
                started.setDispatcher(new RoutingDispatcher());
                try {
                    started.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("the mock API did not start", e);
                }
                server = started;
            }
            return this;
        }
    }

    /** Stops the server; the routes and requests stay readable. */
    @Override
    public void close() {
        MockWebServer running;
        synchronized (lock) {
            running = server;
            server = null;
        }
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // a static field outlives its class's run (a re-run in the same JVM): start as new
        classWide = true;
        reset();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classWide) {
            close();
        }
    }

    /** Forgets every route, unrouted response and received request. */
    public void reset() {
        synchronized (lock) {
            routes.clear();
            unrouted.clear();
            otherwise = null;
            received.clear();
        }
    }

    // ---- base URL and config

    /** The base URL, without a trailing slash ({@code http://127.0.0.1:53412}). */
    public String url() {
        String url = running().url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The URL of {@code path} on this API ({@code path} starts with a slash and may carry a query). */
    public String url(String path) {
        return url() + path;
    }

    /** A config of {@code {"base_url": url()}}. */
    public Config config() {
        return config("{}");
    }

    /** The config object {@code extraJson} with {@code "base_url": url()} first, for a source to read. */
    public Config config(String extraJson) {
        return ConfigBuilder.withBaseUrl(url()).putAll(extraJson).build();
    }

    /** The config object {@code extraJson} with the base URL under {@code key}, for a spec that names it so. */
    public Config configWithUrlAt(String key, String extraJson) {
        return ConfigBuilder.empty().put(key, url()).putAll(extraJson).build();
    }

    // ---- answers

    /** The route of {@code method path}, new and empty; add its responses with the returned route. */
    public Route on(String method, String path) {
        Route route = new Route(method, path);
        synchronized (lock) {
            routes.put(route.key(), route);
        }
        return route;
    }

    /** Answers {@code method path} with {@code responses} in turn; the last one is repeated. */
    public MockApi on(String method, String path, MockResponse... responses) {
        on(method, path).respond(responses);
        return this;
    }

    /** Answers {@code method path} with a function of the request (for answers that read the query or body). */
    public MockApi on(String method, String path, Function<RecordedRequest, MockResponse> handler) {
        on(method, path).respond(handler);
        return this;
    }

    /**
     * Answers every request that no route matches and no queued response is left for with a function of the
     * request (an API that answers any path, or by query alone).
     */
    public MockApi otherwise(Function<RecordedRequest, MockResponse> handler) {
        synchronized (lock) {
            otherwise = handler;
        }
        return this;
    }

    /** Queues a response for the next request that no route matches. */
    public MockApi enqueue(MockResponse response) {
        synchronized (lock) {
            unrouted.add(response);
        }
        return this;
    }

    /** Queues a {@code 200} JSON response for the next request that no route matches. */
    public MockApi enqueueJson(String body) {
        return enqueue(json(body));
    }

    /** A response with this status and JSON body ({@code Content-Type: application/json}). */
    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    /** A {@code 200} response with this JSON body. */
    public static MockResponse json(String body) {
        return json(200, body);
    }

    // ---- what was received

    /** Every request received so far, in order. */
    public List<ReceivedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    /** The {@code index}-th request received (from 0). */
    public ReceivedRequest request(int index) {
        List<ReceivedRequest> requests = requests();
        if (index >= requests.size()) {
            throw new AssertionError("expected a request #" + index + " but the API received " + targetsOf(
                    requests));
        }
        return requests.get(index);
    }

    /** How many requests were received so far. */
    public int requestCount() {
        synchronized (lock) {
            return received.size();
        }
    }

    /** {@code METHOD target} of every request, in order ({@code GET /items?page=2}). */
    public List<String> targets() {
        return targetsOf(requests());
    }

    /** Fails when a route was never requested. */
    public void assertEveryRouteCalled() {
        List<String> unused = new ArrayList<>();
        synchronized (lock) {
            for (Route route : routes.values()) {
                if (route.calls == 0) {
                    unused.add(route.key());
                }
            }
        }
        if (!unused.isEmpty()) {
            throw new AssertionError("routes never requested: " + unused + "; the API received " + targets());
        }
    }

    private static List<String> targetsOf(List<ReceivedRequest> requests) {
        return requests.stream().map(ReceivedRequest::toString).toList();
    }

    private MockWebServer running() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("the mock API is not running: register it with @RegisterExtension "
                        + "or call start()");
            }
            return server;
        }
    }

    private MockResponse answer(RecordedRequest request) {
        Function<RecordedRequest, MockResponse> handler;
        synchronized (lock) {
            received.add(ReceivedRequest.of(request));
            Route route = routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
            if (route != null) {
                route.calls++;
                handler = route.next();
            } else {
                MockResponse next = unrouted.poll();
                if (next != null) {
                    return next;
                }
                handler = otherwise != null ? otherwise : MockApi::noRoute;
            }
        }
        // outside the lock: a handler may take its time or read this API
        return handler.apply(request);
    }

    private static MockResponse noRoute(RecordedRequest request) {
        return json(404, "{\"error\": \"no route for " + request.getTarget().replace("\"", "\\\"") + "\"}");
    }

    private final class RoutingDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
        }
    }

    /**
     * The answers of one {@code METHOD path}, given in the order they were added; the last one repeats. A route
     * without answers answers 404.
     */
    public final class Route {
        private final String method;
        private final String path;
        private final List<Function<RecordedRequest, MockResponse>> answers = new ArrayList<>();
        private int next;
        private int calls;

        private Route(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Then answers {@code 200} with this JSON body. */
        public Route json(String body) {
            return respond(MockApi.json(body));
        }

        /** Then answers this status with this JSON body. */
        public Route json(int status, String body) {
            return respond(MockApi.json(status, body));
        }

        /** Then answers these responses in turn. */
        public Route respond(MockResponse... responses) {
            for (MockResponse response : responses) {
                respond(request -> response);
            }
            return this;
        }

        /** Then answers with a function of the request. */
        public Route respond(Function<RecordedRequest, MockResponse> handler) {
            synchronized (lock) {
                answers.add(handler);
            }
            return this;
        }

        private String key() {
            return method + " " + path;
        }

        /** Called under the API's lock. */
        private Function<RecordedRequest, MockResponse> next() {
            if (answers.isEmpty()) {
                return request -> MockApi.json(404, "{\"error\": \"no answer for " + key() + "\"}");
            }
            return answers.get(Math.min(next++, answers.size() - 1));
        }
    }
}
