package dev.sluice.http;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How long to wait before retrying; empty or zero means "no opinion, ask the next strategy". */
@FunctionalInterface
public interface BackoffStrategy {

    /**
     * @param response the response that failed, or null after a transport failure
     * @param attempt  1 for the first retry
     */
    Optional<Duration> backoff(@Nullable HttpResponse response, int attempt);
}
