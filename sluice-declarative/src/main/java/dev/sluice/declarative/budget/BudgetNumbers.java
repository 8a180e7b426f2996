package dev.sluice.declarative.budget;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.time.Duration;

/** The numbers of a budget: integers that may be templates over {@code config}, and ISO 8601 durations. */
final class BudgetNumbers {

    private BudgetNumbers() {
    }

    /** {@code text} (an integer or a template over {@code config}) as the reference's {@code int(...)} reads it. */
    static int integer(String field, String text, BuildContext context) {
        JsonNode value = InterpolatedString.of(text, BuildContext.parameters(null)).eval(context.interpolation());
        String rendered = value == null ? "" : value.asText().strip();
        try {
            return value != null && value.isIntegralNumber() ? value.intValue() : Integer.parseInt(rendered);
        } catch (NumberFormatException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The API budget's " + field
                    + " must be an integer, got '" + rendered + "' (from '" + text + "')");
        }
    }

    /** {@code share} (in (0, 1]) of {@code limit} calls, rounded down; at least one. */
    static int shareOf(int limit, double share) {
        return share >= 1 ? limit : Math.max(1, (int) Math.floor(limit * share));
    }

    /** An ISO 8601 duration of days, hours, minutes and seconds ({@code PT1S}, {@code P1D}). */
    static Duration duration(String field, String text) {
        IsoDuration parsed;
        try {
            parsed = IsoDuration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must be an ISO 8601 duration such as PT1S or P1D, got '"
                    + text + "'", e);
        }
        if (!parsed.isTimedelta()) {
            throw new IllegalArgumentException(field + " must not use years or months, got '" + text + "'");
        }
        Duration duration = parsed.time().toDuration();
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be longer than zero, got '" + text + "'");
        }
        return duration;
    }
}
