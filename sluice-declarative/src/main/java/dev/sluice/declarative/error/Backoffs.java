package dev.sluice.declarative.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Helpers shared by the backoff strategies: Python's {@code float()}, jitter, the wait cap, the extra second. */
final class Backoffs {

    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern PY_FLOAT = Pattern.compile("[+-]?(?:(?:" + DIGITS + ")?\\.?" + DIGITS
            + "|" + DIGITS + "\\.)(?:[eE][+-]?" + DIGITS + ")?");

    private Backoffs() {
    }

    /** A number or a template over config, evaluated once as Python's {@code float()}; null when absent. */
    static @Nullable Double number(@Nullable String value, BuildContext context, @Nullable ObjectNode parameters,
            String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        JsonNode result = InterpolatedString.of(value, BuildContext.parameters(parameters)).eval(context.interpolation());
        Double number = toFloat(result);
        if (number == null) {
            throw new ManifestException(field + ": could not convert " + PythonText.str(result) + " to a number");
        }
        return number;
    }

    /** Python's {@code float(value)}, or null where Python raises. */
    static @Nullable Double toFloat(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1.0 : 0.0;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return parseFloat(value.asText());
    }

    static @Nullable Double parseFloat(String text) {
        String s = text.strip();
        return PY_FLOAT.matcher(s).matches() ? Double.valueOf(s.replace("_", "")) : null;
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    /** {@code random.uniform(b, b + 2 * range)} minus {@code b}: the reference's jitter. */
    static double jitter(@Nullable Double range) {
        return range == null || range <= 0 ? 0 : ThreadLocalRandom.current().nextDouble(0, 2 * range);
    }

    /**
     * {@code max_waiting_time_in_seconds}, evaluated when the strategy is built so that a cap that cannot be
     * evaluated fails at once (a {@code system_error}: the manifest is at fault); null when the field is absent.
     */
    static @Nullable Double maxWait(@Nullable String value, BuildContext context, @Nullable ObjectNode parameters) {
        if (value == null) {
            return null;
        }
        String problem;
        try {
            JsonNode result = InterpolatedString.of(value, BuildContext.parameters(parameters))
                    .eval(context.interpolation());
            Double number = toFloat(result);
            if (number != null && Double.isFinite(number)) {
                return number;
            }
            problem = "resolved to " + PythonText.str(result) + ", which is not a finite number";
        } catch (dev.sluice.source.ConfigException e) {
            throw e;
        } catch (ConnectorException e) {
            problem = e.getMessage();
        }
        throw new ConnectorException(FailureType.SYSTEM_ERROR, "The connector could not determine how long it is "
                + "allowed to wait for a rate limit to clear. This is a problem with the connector rather than with your "
                + "configuration.", "Failed to evaluate max_waiting_time_in_seconds '" + value + "': " + problem, null);
    }

    /** Refuses a wait the cap does not allow (the cap is inclusive: a wait equal to it is refused too). */
    static void checkCap(double wait, @Nullable Double cap) {
        if (cap != null && wait >= cap) {
            throw new ConnectorException(FailureType.TRANSIENT_ERROR,
                    "The rate limit wait time is longer than the connector is allowed to wait.",
                    "Rate limit wait time " + wait + "s is greater than or equal to the maximum of " + cap
                            + "s this stream is allowed to wait. Stopping the stream...", null);
        }
    }

    /** The reference sleeps the strategy's value plus one second; empty stays empty. */
    static BackoffStrategy plusOneSecond(BackoffStrategy strategy) {
        return (response, attempt) -> {
            Optional<Duration> wait = strategy.backoff(response, attempt);
            return wait.filter(d -> !d.isNegative() && !d.isZero()).map(d -> d.plusSeconds(1));
        };
    }
}
