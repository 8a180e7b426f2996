package dev.sluice.declarative.incremental;

import dev.sluice.declarative.datetime.DatetimeFormat;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import org.jspecify.annotations.Nullable;

/** Runtime of {@link MinMaxDatetimeSpec}: renders the datetime (at every call) and clamps it to its bounds. */
final class MinMaxDatetime {

    static final String DEFAULT_FORMAT = "%Y-%m-%dT%H:%M:%S.%f%z";

    private final InterpolatedString datetime;
    private final String format;
    private final @Nullable InterpolatedString min;
    private final @Nullable InterpolatedString max;
    private final InterpolationContext context;

    MinMaxDatetime(InterpolatedString datetime, String format, @Nullable InterpolatedString min,
            @Nullable InterpolatedString max, InterpolationContext context) {
        this.datetime = datetime;
        this.format = format;
        this.min = min;
        this.max = max;
        this.context = context;
    }

    PythonDateTime get() {
        PythonDateTime value = parse(datetime.evalString(context));
        if (min != null) {
            String text = min.evalString(context);
            if (!text.isEmpty()) {
                PythonDateTime bound = parse(text);
                value = value.compareTo(bound) >= 0 ? value : bound;
            }
        }
        if (max != null) {
            String text = max.evalString(context);
            if (!text.isEmpty()) {
                PythonDateTime bound = parse(text);
                value = value.compareTo(bound) <= 0 ? value : bound;
            }
        }
        return value;
    }

    private PythonDateTime parse(String text) {
        try {
            return DatetimeFormat.parse(text, format);
        } catch (ConnectorException e) {
            throw new ConnectorException(FailureType.CONFIG_ERROR, "The datetime '" + text + "' does not match the "
                    + "format " + format + ": " + e.getMessage(), e);
        }
    }
}
