package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.datetime.Timedelta;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.ManifestException;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code clamping} of a {@code DatetimeBasedCursor} (a plain mapping, no {@code type}): window boundaries move to the
 * start of a {@code DAY}, {@code WEEK} (on {@code target_details.weekday}) or {@code MONTH}, and the end of the sync
 * moves back to the end of the last complete period.
 * <pre>{@code clamping: {target: WEEK, target_details: {weekday: MONDAY}}}</pre>
 */
public record ClampingSpec(
        @JsonProperty(value = "target", required = true) String target,
        @JsonProperty("target_details") @Nullable ObjectNode targetDetails) {

    public ClampingSpec {
        java.util.Objects.requireNonNull(target, "target is required");
    }

    /** The evaluated strategy: how windows clamp, and the end moved back ({@code floor(end) - granularity}). */
    record Evaluated(Clamping windows, Supplier<PythonDateTime> end) {
    }

    Evaluated evaluate(BuildContext context, @Nullable ObjectNode parameters, Supplier<PythonDateTime> end,
            @Nullable IsoDuration granularity) {
        String evaluated = InterpolatedString.of(target, BuildContext.parameters(parameters))
                .evalString(context.interpolation());
        switch (evaluated) {
            case "DAY":
                return new Evaluated(Clamping.day(true), endOf(Clamping.day(false), end, granularity,
                        new IsoDuration(0, 0, Timedelta.ofSeconds(1))));
            case "WEEK":
                DayOfWeek weekday = weekday();
                return new Evaluated(Clamping.week(weekday, true), endOf(Clamping.week(weekday, false), end,
                        granularity, new IsoDuration(0, 0, Timedelta.ofDays(1))));
            case "MONTH":
                return new Evaluated(Clamping.month(true), endOf(Clamping.month(false), end, granularity,
                        new IsoDuration(0, 0, Timedelta.ofDays(1))));
            default:
                throw new ManifestException("clamping.target: invalid clamping target " + evaluated
                        + ", expected DAY, WEEK, MONTH");
        }
    }

    private DayOfWeek weekday() {
        JsonNode day = targetDetails == null ? null : targetDetails.get("weekday");
        if (day == null || !day.isTextual()) {
            throw new ManifestException("clamping: given WEEK clamping, weekday needs to be provided as target_details");
        }
        try {
            return DayOfWeek.valueOf(day.asText().toUpperCase(Locale.ROOT).equals(day.asText()) ? day.asText() : "");
        } catch (IllegalArgumentException e) {
            throw new ManifestException("clamping.target_details.weekday: unknown weekday " + day.asText());
        }
    }

    private static Supplier<PythonDateTime> endOf(Clamping floor, Supplier<PythonDateTime> end,
            @Nullable IsoDuration granularity, IsoDuration fallback) {
        IsoDuration step = granularity == null ? fallback : granularity;
        return () -> step.negate().addTo(floor.clamp(end.get()));
    }
}
