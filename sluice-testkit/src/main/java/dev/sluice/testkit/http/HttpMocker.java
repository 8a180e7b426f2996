package dev.sluice.testkit.http;

import dev.sluice.source.Config;
import dev.sluice.testkit.MockApi;
import dev.sluice.testkit.ReceivedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A strict HTTP mock on a real loopback server: the test declares the requests it expects and their replies, the
 * source sends real HTTP, and the mocker fails the test on any request nobody expected and on any expected
 * request sent fewer times than declared.
 *
 * <pre>{@code
 * @RegisterExtension
 * final HttpMocker http = new HttpMocker();
 *
 * @Test
 * void readsTwoPages() {
 *     ResponseTemplate employees = ResponseTemplate.find(getClass(), "employees");
 *     http.expect(ExpectedRequest.get("/v1/employees").header("X-Api-Key", "k"))
 *             .respond(employees.page("/data").withRecordCount(2).withNextPage("p2").build());
 *     http.expect(ExpectedRequest.get("/v1/employees").query("page_token", "p2"))
 *             .respond(employees.page("/data").withRecordCount(1).lastPage().build());
 *
 *     Output out = ConnectorHarness.of(new MySource()).readAll(http.config("{\"api_key\": \"k\"}"), false,
 *             StateInput.empty());
 *
 *     assertThat(out.records("employees")).hasSize(3);
 * }                                          // verified after the test: both requests were sent
 * }</pre>
 *
 * <p><b>Matching.</b> A request is answered by the first declared expectation it matches (see
 * {@link ExpectedRequest}) that is not {@linkplain Expectation#times(int) used up}. A request that matches none is
 * answered {@code 404} with the reason in the body, and fails the test at verification with the closest expected
 * request and how it differs ({@code GET /items?page=3 matched no expected request; closest: GET /items?page=2:
 * query parameter page: expected 2 but was 3}), even when the source swallowed the 404.
 *
 * <p><b>Lifecycle.</b> On an instance field with {@code @RegisterExtension} the server starts before each test and
 * is verified and stopped after it. On a {@code static} field it starts once for the class; after each test it is
 * verified and its expectations and requests are forgotten. Outside JUnit: {@link #start()}, {@link #verify()},
 * {@link #close()}.
 */
public final class HttpMocker implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AutoCloseable {

    private final Object lock = new Object();
    private final MockApi api = new MockApi();
    private final List<Expectation> expectations = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private boolean classWide;

    /** A mocker, started by JUnit (or {@link #start()}). */
    public HttpMocker() {
        api.otherwise(this::answer);
    }

    // ---- lifecycle

    /** Starts the server on a free loopback port; does nothing when it runs already. */
    public HttpMocker start() {
        api.start();
        return this;
    }

    /** Stops the server; expectations and requests stay readable. */
    @Override
    public void close() {
        api.close();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
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

    /** Verifies the test's requests; stops the server (instance field) or forgets the test's expectations. */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (!classWide) {
                close();
            }
            verify();
        } finally {
            if (classWide) {
                reset();
            }
        }
    }

    /** Forgets every expectation, request and failure. */
    public void reset() {
        synchronized (lock) {
            expectations.clear();
            unexpected.clear();
        }
        api.reset();
        api.otherwise(this::answer);
    }

    // ---- declaring

    /** Expects {@code request}; give its replies on the returned expectation. */
    public Expectation expect(ExpectedRequest request) {
        Expectation expectation = new Expectation(lock, request);
        synchronized (lock) {
            expectations.add(expectation);
        }
        return expectation;
    }

    /** Expects {@code request} and answers it with these replies in turn (the last one repeats). */
    public Expectation expect(ExpectedRequest request, Reply... replies) {
        return expect(request).respond(replies);
    }

    // ---- the server

    /** The base URL, without a trailing slash ({@code http://127.0.0.1:53412}). */
    public String url() {
        return api.url();
    }

    /** The URL of {@code path} on this server ({@code path} starts with a slash and may carry a query). */
    public String url(String path) {
        return api.url(path);
    }

    /** A config of {@code {"base_url": url()}}. */
    public Config config() {
        return api.config();
    }

    /** The config object {@code extraJson} with {@code "base_url": url()} first. */
    public Config config(String extraJson) {
        return api.config(extraJson);
    }

    /** Every request received so far, in order, expected or not. */
    public List<ReceivedRequest> requests() {
        return api.requests();
    }

    // ---- verifying

    /**
     * Fails when a request matched no expectation, or an expectation was sent fewer times than declared; the
     * message lists every problem.
     */
    public void verify() {
        List<String> problems = new ArrayList<>();
        synchronized (lock) {
            problems.addAll(unexpected);
            for (Expectation expectation : expectations) {
                String shortfall = expectation.shortfall();
                if (shortfall != null) {
                    problems.add(shortfall);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The HTTP mock was not used as expected:\n  " + String.join("\n  ", problems)
                    + "\nrequests received: " + api.targets());
        }
    }

    private MockResponse answer(RecordedRequest recorded) {
        ReceivedRequest request = ReceivedRequest.of(recorded);
        Function<ReceivedRequest, Reply> answer = null;
        String mismatch = null;
        synchronized (lock) {
            for (Expectation expectation : expectations) {
                if (!expectation.isExhausted() && expectation.request().differences(request).isEmpty()) {
                    answer = expectation.take();
                    break;
                }
            }
            if (answer == null) {
                mismatch = describeMismatch(request);
                unexpected.add(mismatch);
            }
        }
        Reply reply;
        if (answer != null) {
            // outside the lock: a computed reply may take its time
            try {
                reply = answer.apply(request);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    unexpected.add("the reply to " + request + " threw " + e);
                }
                reply = Reply.text("the reply threw " + e).withStatus(500);
            }
        } else {
            reply = Reply.text(mismatch).withStatus(404);
        }
        return toResponse(reply);
    }

    /** Called under the lock. */
    private String describeMismatch(ReceivedRequest request) {
        if (expectations.isEmpty()) {
            return request + " matched no expected request: none was declared";
        }
        Expectation closest = expectations.stream()
                .min(Comparator.comparingInt(expectation -> expectation.request().distance(request)))
                .orElseThrow();
        List<String> differences = closest.request().differences(request);
        String why = differences.isEmpty()
                ? "it was already sent the " + closest.calls() + " times declared"
                : String.join("; ", differences);
        return request + " matched no expected request; closest: " + closest.request() + ": " + why;
    }

    private static MockResponse toResponse(Reply reply) {
        MockResponse.Builder response = new MockResponse.Builder().code(reply.status());
        reply.headers().forEach(response::setHeader);
        return response.body(reply.body()).build();
    }

    @Override
    public String toString() {
        return "HttpMocker(" + (classWide ? "class-wide" : "per test") + ")";
    }
}
