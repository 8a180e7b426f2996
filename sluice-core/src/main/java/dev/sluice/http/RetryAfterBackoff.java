package dev.sluice.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Honours a {@code Retry-After} header given as seconds ({@code 120}, {@code 1.5}) or as an HTTP-date. */
public final class RetryAfterBackoff implements BackoffStrategy {

    private final String header;
    private final Clock clock;

    public RetryAfterBackoff(Clock clock) {
        this("Retry-After", clock);
    }

    public RetryAfterBackoff(String header, Clock clock) {
        this.header = header;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> backoff(@Nullable HttpResponse response, int attempt) {
        if (response == null) {
            return Optional.empty();
        }
        return response.header(header).flatMap(this::parse);
    }

    Optional<Duration> parse(String value) {
        String text = value.strip();
        try {
            double seconds = Double.parseDouble(text);
            return seconds > 0 ? Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), until.toInstant());
                return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
