package dev.sluice.declarative.incremental;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.datetime.DatetimeFormat;
import dev.sluice.declarative.datetime.PythonDateTime;
import dev.sluice.declarative.interpolation.PythonText;
import dev.sluice.protocol.FailureType;
import dev.sluice.source.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A datetime cursor's formats: {@code datetime_format} writes slice boundaries and state; record values and incoming
 * state are read with each of {@code cursor_datetime_formats} in turn and then {@code datetime_format}.
 */
public final class CursorFormats {

    private final String output;
    private final List<String> inputs;

    public CursorFormats(String output, List<String> cursorDatetimeFormats) {
        this.output = requireNonNull(output, "output is null");
        List<String> all = new ArrayList<>(cursorDatetimeFormats);
        all.add(output);
        this.inputs = List.copyOf(all);
    }

    public String format(PythonDateTime value) {
        return DatetimeFormat.format(value, output);
    }

    /** The value read with the first format that accepts it; empty when none does. */
    public Optional<PythonDateTime> tryParse(JsonNode value) {
        for (String format : inputs) {
            Optional<PythonDateTime> parsed = DatetimeFormat.tryParse(text(value, format), format);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** Like {@link #tryParse}, for values the sync cannot go on without (state, slice boundaries). */
    public PythonDateTime parse(JsonNode value) {
        return tryParse(value).orElseThrow(() -> new ConnectorException(FailureType.CONFIG_ERROR,
                "No format in " + inputs + " matching " + PythonText.str(value)));
    }

    /**
     * The text a format reads: the epoch formats take Python's {@code int()} of the value, so a JSON float is
     * truncated; the others read Python's {@code str()} of it.
     */
    private static String text(JsonNode value, String format) {
        boolean integral = format.equals(DatetimeFormat.EPOCH_SECONDS) || format.equals(DatetimeFormat.EPOCH_MILLIS)
                || format.equals(DatetimeFormat.EPOCH_MICROS);
        if (integral && value.isFloatingPointNumber()) {
            return value.decimalValue().toBigInteger().toString();
        }
        return value.isTextual() ? value.textValue() : PythonText.str(value);
    }
}
