package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: WaitUntilTimeFromHeader} — a header holds the epoch time (seconds) when to retry; waits until then,
 * at least {@code min_wait}.
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
        Pattern pattern = regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
        Double minimum = Backoffs.number(minWait, context, parameters, "min_wait");
        Double max = Backoffs.number(maxWaitingTimeInSeconds, context, parameters, "max_waiting_time_in_seconds");
        Clock clock = context.clock();
        return (response, attempt) -> {
            Optional<Double> until = response == null ? Optional.empty()
                    : response.header(name).flatMap(value -> WaitTimeFromHeaderSpec.parse(value, pattern));
            if (until.isEmpty()) {
                return minimum == null ? Optional.empty() : Optional.of(Backoffs.seconds(minimum));
            }
            double wait = until.get() - clock.millis() / 1000.0;
            if (max != null && wait >= max) {
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "The API asked to wait until " + until.get()
                        + " (header " + name + "), more than max_waiting_time_in_seconds " + max);
            }
            if (minimum != null) {
                wait = Math.max(wait, minimum);
            }
            return wait > 0 ? Optional.of(Backoffs.seconds(wait)) : Optional.empty();
        };
    }
}
