package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.protocol.FailureType;
import dev.sluice.source.RecordException;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The classify step: turns what an attempt got (a response, or a transport failure) into an {@link Outcome} by
 * the {@link ErrorClassifier}'s verdict, and reads a successful response. A body that cannot be read (cut off,
 * stalled, malformed) is judged like a failed request.
 */
final class ClassifyStep {

    private final ErrorClassifier classifier;

    ClassifyStep(ErrorClassifier classifier) {
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    /** @param request the request as the caller gave it (named in errors); {@code authenticated} as sent */
    <T> Outcome<T> received(HttpRequest request, HttpRequest authenticated, Exchange.Received<T> received) {
        HttpResponse response = received.response();
        ErrorResolution resolution;
        try {
            resolution = classifier.classify(response);
        } catch (RuntimeException | Error e) {
            // A streamed body is still open: nothing else will close it once this propagates.
            received.discard();
            throw e;
        }
        if (resolution.action() != ResponseAction.SUCCESS) {
            received.discard();
            return judged(request, new Outcome.Verdict(resolution, response, null));
        }
        try {
            return new Outcome.Success<>(received.read().read());
        } catch (RecordException e) {
            if (e.failureType() != FailureType.TRANSIENT_ERROR) {
                throw e;
            }
            return new Outcome.Retry<>(new Outcome.Verdict(
                    ErrorResolution.of(ResponseAction.RETRY, FailureType.TRANSIENT_ERROR, e.getMessage()), response, e));
        } catch (IOException e) {
            // The body broke off or stalled while it was being read: retried like a failed request.
            return failed(request, authenticated, response, e);
        }
    }

    /** A transport failure, before any response ({@code response} null) or while reading its body. */
    <T> Outcome<T> failed(HttpRequest request, HttpRequest authenticated, @Nullable HttpResponse response,
            IOException failure) {
        if (failure instanceof HttpTransport.ResponseTooLargeException tooLarge) {
            return new Outcome.Failed<>(RequestFailures.tooLarge(request, tooLarge));
        }
        if (failure instanceof InterruptedIOException) {
            return new Outcome.Failed<>(RequestFailures.interrupted(request, failure));
        }
        return judged(request, new Outcome.Verdict(classifier.classify(authenticated, failure), response, failure));
    }

    private static <T> Outcome<T> judged(HttpRequest request, Outcome.Verdict verdict) {
        return switch (verdict.resolution().action()) {
            case IGNORE -> new Outcome.Ignored<>(request, verdict);
            case RETRY, RATE_LIMITED, REFRESH_TOKEN_THEN_RETRY -> new Outcome.Retry<>(verdict);
            // SUCCESS reaches here only as the verdict on a transport failure: there is nothing to read.
            case FAIL, SUCCESS -> new Outcome.Failed<>(RequestFailures.failed(request, verdict));
            case RESET_PAGINATION -> new Outcome.Failed<>(RequestFailures.resetPagination(request, verdict));
        };
    }
}
