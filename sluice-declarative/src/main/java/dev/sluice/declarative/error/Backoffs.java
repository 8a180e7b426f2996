package dev.sluice.declarative.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.BackoffStrategy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the backoff strategies. */
final class Backoffs {

    private Backoffs() {
    }

    /** A number or a template over config, evaluated once; null when absent or empty. */
    static @Nullable Double number(@Nullable String value, BuildContext context, @Nullable ObjectNode parameters,
            String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        JsonNode result = InterpolatedString.of(value, BuildContext.parameters(parameters)).eval(context.interpolation());
        if (result == null || result.isNull() || (result.isTextual() && result.asText().isBlank())) {
            return null;
        }
        try {
            return result.isNumber() ? result.doubleValue() : Double.parseDouble(result.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + result.asText() + "'");
        }
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    static double jitter(@Nullable Double range) {
        return range == null || range <= 0 ? 0 : ThreadLocalRandom.current().nextDouble(0, range);
    }

    /** The reference sleeps the strategy's value plus one second; empty stays empty. */
    static BackoffStrategy plusOneSecond(BackoffStrategy strategy) {
        return (response, attempt) -> {
            Optional<Duration> wait = strategy.backoff(response, attempt);
            return wait.filter(d -> !d.isNegative() && !d.isZero()).map(d -> d.plusSeconds(1));
        };
    }
}
