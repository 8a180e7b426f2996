package dev.sluice.declarative.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.http.BackoffStrategy;
import dev.sluice.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: WaitTimeFromHeader} — waits the number of seconds a response header gives (optionally the part
 * {@code regex} matches at its start); a wait of {@code max_waiting_time_in_seconds} or more fails the stream
 * ({@code transient_error}). The HTTP loop waits one second more, as the reference does.
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
        Pattern pattern = pattern(regex, context, parameters);
        Double cap = Backoffs.maxWait(maxWaitingTimeInSeconds, context, parameters);
        return (response, attempt) -> {
            Double seconds = response == null ? null : numericHeader(response, name, pattern);
            // A header asking for no wait (0) is never refused, whatever the cap.
            if (seconds != null && seconds != 0) {
                Backoffs.checkCap(seconds, cap);
            }
            return seconds == null ? Optional.empty() : Optional.of(Backoffs.seconds(seconds));
        };
    }

    static @Nullable Pattern pattern(@Nullable String regex, BuildContext context, @Nullable ObjectNode parameters) {
        return regex == null || regex.isEmpty() ? null : Pattern.compile(InterpolatedString.of(regex,
                BuildContext.parameters(parameters)).evalString(context.interpolation()));
    }

    /**
     * The reference's {@code get_numeric_value_from_header}: the header as a number, after taking the part the
     * regex matches at its start ({@code re.match(...).group()}); null when absent, empty or not a number.
     */
    static @Nullable Double numericHeader(HttpResponse response, String name, @Nullable Pattern pattern) {
        String value = response.header(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (pattern != null) {
            Matcher matcher = pattern.matcher(value);
            if (matcher.lookingAt()) {
                value = matcher.group();
            }
        }
        return Backoffs.parseFloat(value);
    }
}
