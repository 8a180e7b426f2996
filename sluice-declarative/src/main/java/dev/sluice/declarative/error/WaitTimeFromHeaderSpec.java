package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: WaitTimeFromHeader} — waits the number of seconds a response header gives (optionally the first
 * group of {@code regex}); a wait beyond {@code max_waiting_time_in_seconds} fails the request.
 * <pre>{@code backoff_strategies: [{type: WaitTimeFromHeader, header: Retry-After}]}</pre>
 */
@JsonTypeName("WaitTimeFromHeader")
public record WaitTimeFromHeaderSpec(
        @JsonProperty(value = "header", required = true) String header,
        @JsonProperty("regex") @Nullable String regex,
        @JsonProperty("max_waiting_time_in_seconds") @Nullable String maxWaitingTimeInSeconds,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements BackoffStrategySpec {

    @Override
    public BackoffStrategy build(BuildContext context) {
        String name = InterpolatedString.of(header, BuildContext.parameters(parameters)).evalString(context.interpolation());
        Pattern pattern = regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
        Double max = Backoffs.number(maxWaitingTimeInSeconds, context, parameters, "max_waiting_time_in_seconds");
        return (response, attempt) -> {
            if (response == null) {
                return Optional.empty();
            }
            Optional<Double> seconds = response.header(name).flatMap(value -> parse(value, pattern));
            if (seconds.isPresent() && max != null && seconds.get() >= max) {
                throw new ConnectorException(FailureType.TRANSIENT_ERROR, "The API asked to wait " + seconds.get()
                        + " s (header " + name + "), more than max_waiting_time_in_seconds " + max);
            }
            return seconds.map(Backoffs::seconds);
        };
    }

    static Optional<Double> parse(String value, @Nullable Pattern pattern) {
        String text = value.strip();
        if (pattern != null) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return Optional.empty();
            }
            text = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        }
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
