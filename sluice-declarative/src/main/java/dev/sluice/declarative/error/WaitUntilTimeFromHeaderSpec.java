package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.BackoffStrategy;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: WaitUntilTimeFromHeader} — a header holds the epoch time (seconds) when to retry; waits until then,
 * at least {@code min_wait} (which is also the wait without the header); a wait of
 * {@code max_waiting_time_in_seconds} or more fails the stream.
 * <pre>{@code backoff_strategies: [{type: WaitUntilTimeFromHeader, header: X-RateLimit-Reset, min_wait: 5}]}</pre>
 */
@JsonTypeName("WaitUntilTimeFromHeader")
public record WaitUntilTimeFromHeaderSpec(
        @JsonProperty(value = "header", required = true) String header,
        @JsonProperty("min_wait") @Nullable String minWait,
        @JsonProperty("regex") @Nullable String regex,
        @JsonProperty("max_waiting_time_in_seconds") @Nullable String maxWaitingTimeInSeconds,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements BackoffStrategySpec {

    @Override
    public BackoffStrategy build(BuildContext context) {
        String name = InterpolatedString.of(header, BuildContext.parameters(parameters)).evalString(context.interpolation());
        Pattern pattern = WaitTimeFromHeaderSpec.pattern(regex, context, parameters);
        Double minimum = minWait == null ? null : Backoffs.number(minWait, context, parameters, "min_wait");
        Double floor = minimum == null || minimum == 0 ? null : minimum;
        Double cap = Backoffs.maxWait(maxWaitingTimeInSeconds, context, parameters);
        Clock clock = context.clock();
        return (response, attempt) -> {
            Double until = response == null ? null : WaitTimeFromHeaderSpec.numericHeader(response, name, pattern);
            Double wait;
            if (until == null || until == 0) {
                wait = floor;
            } else {
                double remaining = until - clock.millis() / 1000.0;
                if (floor != null) {
                    wait = Math.max(remaining, floor);
                } else {
                    wait = remaining < 0 ? null : Double.valueOf(remaining);
                }
            }
            if (wait == null) {
                return Optional.empty();
            }
            Backoffs.checkCap(wait, cap);
            return Optional.of(Backoffs.seconds(wait));
        };
    }
}
