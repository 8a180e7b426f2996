package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.RunContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends a request until it succeeds, fails for good, or runs out of retries, as a chain of steps:
 * {@link RateLimiter} → authenticate (afresh on every attempt) → {@link ExchangeObserver} → send
 * ({@link HttpTransport}) → classify ({@link ErrorClassifier}) → retry after the wait the {@link RetryPolicy}
 * gives. Immutable; thread-safe if its parts are.
 */
public final class HttpExecutor {

    private final HttpTransport transport;
    private final ErrorClassifier classifier;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ExchangeObserver observer;
    private final RetryStep retry;
    private final AttemptChain chain;

    public HttpExecutor(HttpTransport transport, ErrorHandler errorHandler, Authenticator authenticator,
            Sleeper sleeper, Clock clock) {
        this(transport, errorHandler.classifier(), errorHandler.retryPolicy(), authenticator, sleeper, clock);
    }

    public HttpExecutor(HttpTransport transport, ErrorClassifier classifier, RetryPolicy retryPolicy,
            Authenticator authenticator, Sleeper sleeper, Clock clock) {
        this(transport, classifier, authenticator, RateLimiter.NONE, ExchangeObserver.NONE,
                new RetryStep(retryPolicy, sleeper, clock));
    }

    private HttpExecutor(HttpTransport transport, ErrorClassifier classifier, Authenticator authenticator,
            RateLimiter rateLimiter, ExchangeObserver observer, RetryStep retry) {
        this.transport = requireNonNull(transport, "transport is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
        this.observer = requireNonNull(observer, "observer is null");
        this.retry = retry;
        this.chain = new AttemptChain(authenticator, rateLimiter, observer, new ClassifyStep(classifier));
    }

    /** This executor with {@code limiter} asked before every attempt. */
    public HttpExecutor withRateLimiter(RateLimiter limiter) {
        return new HttpExecutor(transport, classifier, authenticator, limiter, observer, retry);
    }

    /**
     * This executor with the run's traffic hooks ({@link RunTraffic#SERVICE}) and then the source's budget
     * ({@link SourceBudget#SERVICE}) asked before its own limiter and shown every attempt before its own
     * observer. Every executor a source builds goes through this, so that a run-wide rate limit (and the
     * source's budget) counts all its requests (pages, retries, token refreshes); call it after
     * {@link #withRateLimiter} and {@link #withObserver}, which replace what they set, and after the source
     * installed its budget (an executor built in a run without hooks or budget is left as it is).
     */
    public HttpExecutor inRun(RunContext run) {
        RunTraffic traffic = run.service(RunTraffic.SERVICE);
        // The source's own budget (a manifest's api_budget) after the run's preset limit: a request waits for both.
        SourceBudget budget = run.service(SourceBudget.SERVICE);
        if (traffic.equals(RunTraffic.NONE) && budget.installed() == ApiBudget.NONE) {
            return this;
        }
        return new HttpExecutor(transport, classifier, authenticator,
                RateLimiter.both(traffic.limiter(), RateLimiter.both(budget, rateLimiter)),
                ExchangeObserver.both(traffic.observer(), ExchangeObserver.both(budget, observer)), retry);
    }

    /** This executor with {@code exchangeObserver} shown every attempt. */
    public HttpExecutor withObserver(ExchangeObserver exchangeObserver) {
        return new HttpExecutor(transport, classifier, authenticator, rateLimiter, exchangeObserver, retry);
    }

    /**
     * This executor with {@code extra} shown every attempt after the observers it has (the Connector Builder labels
     * a request with what it is for this way); {@link ExchangeObserver#NONE} leaves it as it is.
     */
    public HttpExecutor alsoObservedBy(ExchangeObserver extra) {
        if (extra == ExchangeObserver.NONE) {
            return this;
        }
        return new HttpExecutor(transport, classifier, authenticator, rateLimiter, ExchangeObserver.both(observer, extra),
                retry);
    }

    public RetryPolicy retryPolicy() {
        return retry.policy();
    }

    /** Whether the classifier reads the bodies of successful responses (see {@link #stream}). */
    public boolean inspectsSuccessfulBodies() {
        return classifier.inspectsSuccessfulBodies();
    }

    /** The successful response, or empty when the classifier chose to ignore the failure. */
    public Optional<HttpResponse> send(HttpRequest request) {
        return send(request, response -> response);
    }

    /**
     * Sends the request and reads the successful response with {@code reader}; empty when the classifier chose
     * to ignore the failure.
     *
     * @throws HttpResponseException when the request failed for good
     */
    public <T> Optional<T> send(HttpRequest request, ResponseReader<T> reader) {
        return run(request, authenticated -> {
            HttpResponse response = transport.exchange(authenticated);
            return Exchange.Received.whole(response, () -> reader.read(response));
        });
    }

    /**
     * Like {@link #send(HttpRequest, ResponseReader)}, but a successful body is handed to {@code reader} as it
     * arrives instead of being read into memory first (its {@link HttpResponse} has no body bytes). An error
     * response, or any response when the classifier inspects the bodies of successful ones, is read whole
     * and classified as usual. A body that fails mid-way is retried; the reader is called once per attempt.
     */
    public <T> Optional<T> stream(HttpRequest request, StreamingResponseReader<T> reader) {
        return run(request, authenticated -> {
            OpenedResponse opened = transport.open(authenticated);
            if (opened.status() >= 400 || classifier.inspectsSuccessfulBodies()) {
                HttpResponse response = transport.readWhole(opened);
                return Exchange.Received.whole(response,
                        () -> reader.read(response, new ByteArrayInputStream(response.body())));
            }
            HttpResponse head = opened.head();
            return new Exchange.Received<>(head, () -> {
                try (InputStream body = opened.body()) {
                    return reader.read(head, body);
                }
            }, opened);
        });
    }

    private <T> Optional<T> run(HttpRequest request, Exchange<T> exchange) {
        return retry.run(request, attempt -> chain.attempt(attempt, exchange), observer);
    }
}
