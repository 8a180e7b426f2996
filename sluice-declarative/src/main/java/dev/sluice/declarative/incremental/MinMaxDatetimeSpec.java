package dev.sluice.declarative.incremental;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: MinMaxDatetime} — a datetime template, clamped between optional bounds. Without
 * {@code datetime_format} it is read with the cursor's {@code datetime_format}. A plain string where a
 * {@code MinMaxDatetime} is allowed ({@code start_datetime: "{{ config['start'] }}"}) is its {@code datetime}.
 * <pre>{@code
 * start_datetime:
 *   type: MinMaxDatetime
 *   datetime: "{{ config['start_date'] }}"
 *   datetime_format: "%Y-%m-%d"
 *   min_datetime: "2020-01-01"
 * }</pre>
 */
@JsonTypeName("MinMaxDatetime")
public record MinMaxDatetimeSpec(
        @JsonProperty(value = "datetime", required = true) String datetime,
        @JsonProperty("datetime_format") @Nullable String datetimeFormat,
        @JsonProperty("min_datetime") @Nullable String minDatetime,
        @JsonProperty("max_datetime") @Nullable String maxDatetime,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) {

    public MinMaxDatetimeSpec {
        java.util.Objects.requireNonNull(datetime, "datetime is required");
    }

    /**
     * A {@code start_datetime} or {@code end_datetime} value: a string, or a {@code MinMaxDatetime} mapping.
     *
     * @param fallbackParameters the cursor's parameters, for the string form
     * @throws IllegalArgumentException when it is neither
     */
    static MinMaxDatetimeSpec of(JsonNode value, @Nullable ObjectNode fallbackParameters) {
        if (value.isValueNode() && !value.isNull()) {
            return new MinMaxDatetimeSpec(value.asText(), null, null, null, fallbackParameters);
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("expected a string or a MinMaxDatetime, found " + value.getNodeType());
        }
        JsonNode type = value.get("type");
        if (type != null && !"MinMaxDatetime".equals(type.asText())) {
            throw new IllegalArgumentException("type '" + type.asText() + "' is not allowed here (expected "
                    + "'MinMaxDatetime')");
        }
        try {
            return Json.MAPPER.treeToValue(value, MinMaxDatetimeSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid MinMaxDatetime: " + e.getOriginalMessage(), e);
        }
    }

    /** The runtime, read with {@code cursorFormat} when this has no {@code datetime_format}. */
    MinMaxDatetime build(BuildContext context, String cursorFormat) {
        JsonNode params = BuildContext.parameters(parameters);
        String format = datetimeFormat != null && !datetimeFormat.isEmpty() ? datetimeFormat
                : cursorFormat.isEmpty() ? MinMaxDatetime.DEFAULT_FORMAT : cursorFormat;
        return new MinMaxDatetime(InterpolatedString.of(datetime, params), format,
                bound(minDatetime, params), bound(maxDatetime, params), context.interpolation());
    }

    private static @Nullable InterpolatedString bound(@Nullable String text, JsonNode params) {
        return text == null || text.isEmpty() ? null : InterpolatedString.of(text, params);
    }
}
