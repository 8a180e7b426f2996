package dev.sluice.declarative.custom.examples;

import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** CustomBackoffStrategy: waits the milliseconds of the failed response's {@code X-Wait-Millis} header. */
public final class HeaderBackoff implements BackoffStrategy {

    @Override
    public Optional<Duration> backoff(@Nullable HttpResponse response, int attempt) {
        return Optional.ofNullable(response).flatMap(failed -> failed.header("X-Wait-Millis"))
                .map(millis -> Duration.ofMillis(Long.parseLong(millis)));
    }
}
