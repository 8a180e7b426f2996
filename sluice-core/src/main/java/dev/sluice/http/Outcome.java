package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one attempt came to: a final result for the caller, or a retry for {@link RetryStep} to wait for. */
sealed interface Outcome<T> permits Outcome.Final, Outcome.Retry {

    /** Whether the credentials must be renewed before the next attempt. */
    default boolean refreshesCredentials() {
        return false;
    }

    /** The verdict on an attempt that did not succeed, the response it was about (null if none) and the failure. */
    record Verdict(ErrorResolution resolution, @Nullable HttpResponse response, @Nullable Throwable failure) {
        public Verdict {
            requireNonNull(resolution, "resolution is null");
        }

        /** The response's status, 0 when there was no response. */
        int status() {
            return response == null ? 0 : response.status();
        }
    }

    /** An outcome that ends the attempts. */
    sealed interface Final<T> extends Outcome<T> permits Success, Ignored, Failed {

        /** The value for the caller: present, empty (ignored), or thrown. */
        Optional<T> result();
    }

    /** A successful response, read. */
    record Success<T>(T value) implements Final<T> {
        @Override
        public Optional<T> result() {
            return Optional.of(value);
        }
    }

    /** A failure the classifier chose to ignore: the caller gets nothing. */
    record Ignored<T>(HttpRequest request, Verdict verdict) implements Final<T> {
        private static final Logger log = LoggerFactory.getLogger(HttpExecutor.class);

        @Override
        public Optional<T> result() {
            log.info("Ignoring the response to {} (HTTP {}): {}", request.describe(), verdict.status(),
                    verdict.resolution().message());
            return Optional.empty();
        }
    }

    /** Failed for good, with the error to throw. */
    record Failed<T>(RuntimeException error) implements Final<T> {
        public Failed {
            requireNonNull(error, "error is null");
        }

        @Override
        public Optional<T> result() {
            throw error;
        }
    }

    /** Worth another attempt, after a wait. */
    record Retry<T>(Verdict verdict) implements Outcome<T> {
        boolean rateLimited() {
            return verdict.resolution().action() == ResponseAction.RATE_LIMITED;
        }

        @Override
        public boolean refreshesCredentials() {
            return verdict.resolution().action() == ResponseAction.REFRESH_TOKEN_THEN_RETRY;
        }
    }
}
