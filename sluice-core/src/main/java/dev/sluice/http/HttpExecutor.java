package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.RecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request until it succeeds, fails for good, or runs out of retries. Each attempt is authenticated
 * afresh, classified by the {@link ErrorHandler}, and retried after the first wait a {@link BackoffStrategy}
 * proposes (else {@code 2^(n-1)} seconds). Retries stop after {@link ErrorHandler#maxRetries()} or, except
 * while rate limited, after {@link ErrorHandler#maxRetryTime()}. Thread-safe if its parts are.
 */
public final class HttpExecutor {

    private static final Logger log = LoggerFactory.getLogger(HttpExecutor.class);

    private final HttpTransport transport;
    private final ErrorHandler errorHandler;
    private final Authenticator authenticator;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpExecutor(HttpTransport transport, ErrorHandler errorHandler, Authenticator authenticator,
            Sleeper sleeper, Clock clock) {
        this.transport = requireNonNull(transport, "transport is null");
        this.errorHandler = requireNonNull(errorHandler, "errorHandler is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Whether the error handler reads the bodies of successful responses (see {@link #stream}). */
    public boolean inspectsSuccessfulBodies() {
        return errorHandler.inspectsSuccessfulBodies();
    }

    /** The successful response, or empty when the error handler chose to ignore the failure. */
    public Optional<HttpResponse> send(HttpRequest request) {
        return send(request, response -> response);
    }

    /**
     * Sends the request and reads the successful response with {@code reader}; empty when the error handler
     * chose to ignore the failure.
     *
     * @throws HttpResponseException when the request failed for good
     */
    public <T> Optional<T> send(HttpRequest request, ResponseReader<T> reader) {
        return loop(request, authenticated -> {
            HttpResponse response = transport.exchange(authenticated);
            return new Attempt<>(response, errorHandler.classify(response), () -> reader.read(response));
        });
    }

    /**
     * Like {@link #send(HttpRequest, ResponseReader)}, but a successful body is handed to {@code reader} as it
     * arrives instead of being read into memory first (its {@link HttpResponse} has no body bytes). An error
     * response, or any response when the error handler inspects the bodies of successful ones, is read whole
     * and classified as usual. A body that fails mid-way is retried; the reader is called once per attempt.
     */
    public <T> Optional<T> stream(HttpRequest request, StreamingResponseReader<T> reader) {
        return loop(request, authenticated -> {
            java.net.http.HttpResponse<InputStream> opened = transport.open(authenticated);
            if (opened.statusCode() >= 400 || errorHandler.inspectsSuccessfulBodies()) {
                HttpResponse response = transport.buffer(authenticated, opened);
                return new Attempt<>(response, errorHandler.classify(response),
                        () -> reader.read(response, new ByteArrayInputStream(response.body())));
            }
            HttpResponse head = HttpResponse.empty(authenticated, opened.statusCode(), opened.headers());
            return new Attempt<>(head, errorHandler.classify(head), () -> {
                try (InputStream body = opened.body()) {
                    return reader.read(head, body);
                }
            });
        });
    }

    /** One attempt: the response, its verdict, and how to read it if it is a success. */
    private record Attempt<T>(HttpResponse response, ErrorResolution resolution, BodyRead<T> read) {
    }

    @FunctionalInterface
    private interface BodyRead<T> {
        T read() throws IOException;
    }

    @FunctionalInterface
    private interface Exchange<T> {
        Attempt<T> attempt(HttpRequest authenticated) throws IOException;
    }

    private <T> Optional<T> loop(HttpRequest request, Exchange<T> exchange) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            HttpRequest authenticated = authenticator.authenticate(request);
            HttpResponse response = null;
            Throwable failure = null;
            ErrorResolution resolution;
            Attempt<T> current = null;
            try {
                current = exchange.attempt(authenticated);
                response = current.response();
                resolution = current.resolution();
            } catch (HttpTransport.ResponseTooLargeException e) {
                throw tooLarge(request, e);
            } catch (InterruptedIOException e) {
                throw interrupted(request, e);
            } catch (IOException e) {
                failure = e;
                resolution = errorHandler.classify(authenticated, e);
            }
            switch (resolution.action()) {
                case SUCCESS -> {
                    try {
                        return Optional.of(requireNonNull(current).read().read());
                    } catch (RecordException e) {
                        if (e.failureType() != FailureType.TRANSIENT_ERROR) {
                            throw e;
                        }
                        failure = e;
                        resolution = ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR,
                                e.getMessage());
                    } catch (HttpTransport.ResponseTooLargeException e) {
                        throw tooLarge(request, e);
                    } catch (InterruptedIOException e) {
                        throw interrupted(request, e);
                    } catch (IOException e) {
                        // The body broke off or stalled while it was being read: retried like a failed request.
                        failure = e;
                        resolution = errorHandler.classify(authenticated, e);
                    }
                }
                case IGNORE -> {
                    log.info("Ignoring the response to {} (HTTP {}): {}", request.describe(),
                            response == null ? 0 : response.status(), resolution.message());
                    return Optional.empty();
                }
                case FAIL, RESET_PAGINATION -> throw failed(request, response, resolution, failure);
                case RETRY, RATE_LIMITED, REFRESH_TOKEN_THEN_RETRY -> {
                    if (resolution.action() == ResponseAction.REFRESH_TOKEN_THEN_RETRY) {
                        authenticator.invalidate();
                    }
                }
            }
            waitBeforeRetry(request, response, resolution, failure, attempt, start);
        }
    }

    private void waitBeforeRetry(HttpRequest request, @Nullable HttpResponse response, ErrorResolution resolution,
            @Nullable Throwable failure, int attempt, Instant start) {
        if (attempt > errorHandler.maxRetries()) {
            throw exhausted(request, response, resolution, failure, attempt);
        }
        Duration wait = backoff(response, attempt);
        Duration elapsed = Duration.between(start, clock.instant());
        boolean rateLimited = resolution.action() == ResponseAction.RATE_LIMITED;
        if (!rateLimited && elapsed.plus(wait).compareTo(errorHandler.maxRetryTime()) > 0) {
            throw exhausted(request, response, resolution, failure, attempt);
        }
        log.warn("Retrying {} in {} ms (retry {} of {}): {}", request.describe(), wait.toMillis(), attempt,
                errorHandler.maxRetries(), resolution.message());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, e);
        }
    }

    private Duration backoff(@Nullable HttpResponse response, int attempt) {
        for (BackoffStrategy strategy : errorHandler.backoffStrategies()) {
            Optional<Duration> wait = strategy.backoff(response, attempt);
            if (wait.isPresent() && !wait.get().isZero() && !wait.get().isNegative()) {
                return wait.get();
            }
        }
        return Duration.ofSeconds(1L << Math.min(attempt - 1, 20));
    }

    private static HttpResponseException failed(HttpRequest request, @Nullable HttpResponse response,
            ErrorResolution resolution, @Nullable Throwable failure) {
        int status = response == null ? 0 : response.status();
        String message = withApiMessage(resolution.message() != null ? resolution.message()
                : "Request failed with HTTP status " + status, response);
        String internal = "'" + request.method() + "' request to '" + request.uri() + "' failed with status code '"
                + status + "': " + message;
        FailureType type = resolution.failureType() == null ? FailureType.SYSTEM_ERROR : resolution.failureType();
        return new HttpResponseException(type, message + " (" + request.describe() + ")", internal, status,
                request.describe(), failure);
    }

    /**
     * The handler's message and what the API itself said in the body, when the message does not quote it yet: the
     * reference's mapped messages ("Bad request. Please check your request parameters.") name no cause, and the
     * cause is usually in the body. The reference keeps it for the internal message only; users read the message.
     */
    private static String withApiMessage(String message, @Nullable HttpResponse response) {
        if (response == null || response.isSuccessful() || response.body().length == 0) {
            return message;
        }
        String said = ErrorMessages.describe(response);
        return said.isEmpty() || message.contains(said) ? message : message + " The API said: " + said;
    }

    private static HttpResponseException exhausted(HttpRequest request, @Nullable HttpResponse response,
            ErrorResolution resolution, @Nullable Throwable failure, int attempts) {
        int status = response == null ? 0 : response.status();
        if (status == 429) {
            return new HttpResponseException(FailureType.TRANSIENT_ERROR,
                    "API rate limit exceeded. (" + request.describe() + ", " + attempts + " attempts)",
                    "Rate limited on every attempt of " + request.describe(), status, request.describe(), failure);
        }
        FailureType type = resolution.failureType() == null ? FailureType.SYSTEM_ERROR : resolution.failureType();
        String reason = withApiMessage(resolution.message() == null ? "HTTP " + status : resolution.message(),
                response);
        String message = "Exhausted available request attempts (" + attempts + ") for " + request.describe()
                + ". Last error: " + reason;
        return new HttpResponseException(type, message, message, status, request.describe(), failure);
    }

    /** A body over the size limit: not retried, a system error. */
    private static HttpResponseException tooLarge(HttpRequest request, HttpTransport.ResponseTooLargeException e) {
        return new HttpResponseException(FailureType.SYSTEM_ERROR, e.getMessage(), e.getMessage(), 0,
                request.describe(), e);
    }

    private static ConnectorException interrupted(HttpRequest request, Exception cause) {
        return new ConnectorException(FailureType.TRANSIENT_ERROR, "Interrupted while sending "
                + request.describe(), cause);
    }
}
