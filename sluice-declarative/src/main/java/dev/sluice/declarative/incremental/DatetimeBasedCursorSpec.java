package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.datetime.IsoDuration;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.manifest.ValidatedAs;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.source.ConnectorException;
import dev.sluice.source.StreamState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: DatetimeBasedCursor} — incremental sync on a datetime record field, read in windows from
 * {@code start_datetime} (or the state) to {@code end_datetime} (or now), {@code step} long. {@code step} and
 * {@code cursor_granularity} go together. {@code start_datetime}/{@code end_datetime} are strings or
 * {@code MinMaxDatetime} mappings, so they bind as JSON and are checked here. {@code is_compare_strictly} is
 * accepted and ignored, as the reference's concurrent cursor ignores it.
 * <pre>{@code
 * incremental_sync:
 *   type: DatetimeBasedCursor
 *   cursor_field: updated_at
 *   datetime_format: "%Y-%m-%dT%H:%M:%SZ"
 *   start_datetime: "{{ config['start_date'] }}"
 *   step: P30D
 *   cursor_granularity: PT1S
 *   lookback_window: P1D
 *   start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
 * }</pre>
 */
@JsonTypeName("DatetimeBasedCursor")
public record DatetimeBasedCursorSpec(
        @JsonProperty(value = "cursor_field", required = true) String cursorField,
        @JsonProperty(value = "datetime_format", required = true) String datetimeFormat,
        @JsonProperty(value = "start_datetime", required = true) @ValidatedAs(DatetimeBoundShape.class)
        JsonNode startDatetime,
        @JsonProperty("end_datetime") @ValidatedAs(DatetimeBoundShape.class) @Nullable JsonNode endDatetime,
        @JsonProperty("cursor_datetime_formats") @Nullable List<String> cursorDatetimeFormats,
        @JsonProperty("step") @Nullable String step,
        @JsonProperty("cursor_granularity") @Nullable String cursorGranularity,
        @JsonProperty("lookback_window") @Nullable String lookbackWindow,
        @JsonProperty("partition_field_start") @Nullable String partitionFieldStart,
        @JsonProperty("partition_field_end") @Nullable String partitionFieldEnd,
        @JsonProperty("start_time_option") @Nullable RequestOptionSpec startTimeOption,
        @JsonProperty("end_time_option") @Nullable RequestOptionSpec endTimeOption,
        @JsonProperty("is_data_feed") @Nullable Boolean isDataFeed,
        @JsonProperty("is_client_side_incremental") @Nullable Boolean isClientSideIncremental,
        @JsonProperty("is_compare_strictly") @Nullable Boolean isCompareStrictly,
        @JsonProperty("global_substream_cursor") @Nullable Boolean globalSubstreamCursor,
        @JsonProperty("clamping") @Nullable ClampingSpec clamping,
        @JsonProperty("allow_catalog_defined_cursor_field") @Nullable Boolean allowCatalogDefinedCursorField,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements IncrementalSyncSpec {

    public DatetimeBasedCursorSpec {
        java.util.Objects.requireNonNull(cursorField, "cursor_field is required");
        java.util.Objects.requireNonNull(datetimeFormat, "datetime_format is required");
        java.util.Objects.requireNonNull(startDatetime, "start_datetime is required");
        cursorDatetimeFormats = cursorDatetimeFormats == null ? List.of() : List.copyOf(cursorDatetimeFormats);
        if (isBlank(step) != isBlank(cursorGranularity)) {
            throw new IllegalArgumentException("If step is defined, cursor_granularity should be as well and vice-versa."
                    + " Right now, step is `" + step + "` and cursor_granularity is `" + cursorGranularity + "`");
        }
        checkDatetime(startDatetime, "start_datetime", parameters);
        if (endDatetime != null && !endDatetime.isNull()) {
            checkDatetime(endDatetime, "end_datetime", parameters);
        }
        if (!isBlank(cursorGranularity)) {
            duration(cursorGranularity, "cursor_granularity");
        }
    }

    private static void checkDatetime(JsonNode value, String field, @Nullable ObjectNode parameters) {
        try {
            MinMaxDatetimeSpec.of(value, parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean clientSideFiltering() {
        return Boolean.TRUE.equals(isClientSideIncremental);
    }

    @Override
    public DatetimeIncrementalSync build(BuildContext context, String streamName) {
        String field = cursorFieldForRead(context, streamName);
        return new DatetimeIncrementalSync(this, context, streamName, field, formats(),
                () -> settings(context, field), DatetimeRequestOptions.of(this, context));
    }

    /**
     * The state's cursor value parsed with the cursor's formats: under {@code state} for a per-partition state's
     * global cursor, in the first slice for a state of slices, else at the top.
     */
    @Override
    public Optional<Instant> stateCursorTime(StreamState state, BuildContext context, String streamName) {
        CursorFormats formats = formats();
        String field = cursorField(context);
        JsonNode json = state.json();
        JsonNode value = json.path("state").isObject() ? json.path("state").get(field)
                : json.has("slices") ? firstSliceValue(json)
                : json.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return formats.tryParse(value).map(PythonDateTime::toInstant);
    }

    private static @Nullable JsonNode firstSliceValue(JsonNode state) {
        JsonNode first = state.path("slices").path(0);
        JsonNode recent = first.get("most_recent_cursor_value");
        return recent != null && !recent.isNull() ? recent : first.get("end");
    }

    private CursorFormats formats() {
        return new CursorFormats(datetimeFormat, cursorDatetimeFormats);
    }

    /** Evaluates the cursor's settings, as the reference does each time it creates a cursor. */
    private DatetimeCursorSettings settings(BuildContext context, String field) {
        CursorFormats formats = formats();
        PythonDateTime start = MinMaxDatetimeSpec.of(startDatetime, parameters).build(context, datetimeFormat).get();
        Supplier<PythonDateTime> end;
        if (endDatetime != null && !endDatetime.isNull()) {
            MinMaxDatetime evaluated = MinMaxDatetimeSpec.of(endDatetime, parameters).build(context, datetimeFormat);
            end = evaluated::get;
        } else {
            end = () -> PythonDateTime.ofInstant(context.clock().instant());
        }
        IsoDuration granularity = isBlank(cursorGranularity) ? null : duration(cursorGranularity, "cursor_granularity");
        IsoDuration lookback = evaluatedDuration(lookbackWindow, "lookback_window", context);
        IsoDuration window = evaluatedDuration(step, "step", context);
        Clamping windows = Clamping.NONE;
        if (clamping != null) {
            ClampingSpec.Evaluated evaluated = clamping.evaluate(context, parameters, end, granularity);
            windows = evaluated.windows();
            end = evaluated.end();
        }
        return new DatetimeCursorSettings(field, formats, start, end, lookback, window, granularity, windows,
                evaluatedKey(partitionFieldStart, "start_time", context),
                evaluatedKey(partitionFieldEnd, "end_time", context));
    }

    String evaluatedKey(@Nullable String key, String fallback, BuildContext context) {
        return InterpolatedString.of(isBlank(key) ? fallback : key, BuildContext.parameters(parameters))
                .evalString(context.interpolation());
    }

    private @Nullable IsoDuration evaluatedDuration(@Nullable String text, String field, BuildContext context) {
        if (isBlank(text)) {
            return null;
        }
        JsonNode value = InterpolatedString.of(text, BuildContext.parameters(parameters)).eval(context.interpolation());
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        return duration(value.asText(), field);
    }

    private static IsoDuration duration(String text, String field) {
        try {
            return IsoDuration.parse(text);
        } catch (ConnectorException e) {
            throw new ManifestException(field + ": " + e.getMessage());
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isEmpty();
    }
}
