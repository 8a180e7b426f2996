package dev.sluice.builder.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.datetime.DatetimeFormat;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the top-level fields whose every value is a datetime in one format, as the reference's
 * {@code DatetimeFormatInferrer} ({@code airbyte_cdk/utils/datetime_format_inferrer.py}) does: the first record
 * proposes, for each field that may be a datetime, the first of its formats the value parses with; every later
 * record drops the fields whose value is missing or does not parse. Not thread-safe: one per read.
 */
public final class DatetimeFormatInferrer {

    /** The reference's formats, in its order. */
    static final List<String> FORMATS = List.of("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ",
            "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%d %H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%s", "%ms",
            "%d/%m/%Y %H:%M", "%Y-%m", "%d-%m-%Y");

    private static final BigInteger SECONDS_FROM = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger SECONDS_TO = BigInteger.valueOf(2_000_000_000L);
    private static final BigInteger MILLIS_FROM = BigInteger.valueOf(1_000_000_000_000L);
    private static final BigInteger MILLIS_TO = BigInteger.valueOf(2_000_000_000_000L);

    private static final BigInteger LAST_PYTHON_SECOND = BigInteger.valueOf(253_402_300_799L);

    private @Nullable Map<String, String> candidates;

    public void accumulate(ObjectNode record) {
        if (candidates == null) {
            candidates = new LinkedHashMap<>();
            record.fields().forEachRemaining(field -> {
                if (!canBeDatetime(field.getValue())) {
                    return;
                }
                for (String format : FORMATS) {
                    if (matches(field.getValue(), format)) {
                        candidates.put(field.getKey(), format);
                        break;
                    }
                }
            });
            return;
        }
        candidates.entrySet().removeIf(candidate -> {
            JsonNode value = record.get(candidate.getKey());
            return value == null || value.isNull() || !canBeDatetime(value) || !matches(value, candidate.getValue());
        });
    }

    /** Each field's format, for the fields whose every value had it; empty when none (or no record). */
    public Map<String, String> formats() {
        return candidates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
    }

    /**
     * A string, or a whole number in the ranges of epoch seconds or milliseconds (1e9–2e9, 1e12–2e12); a numeric
     * string is held to the same ranges.
     */
    private static boolean canBeDatetime(JsonNode value) {
        if (value.isIntegralNumber()) {
            return inRanges(value.bigIntegerValue());
        }
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText().strip();
        try {
            return inRanges(new BigInteger(text));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Whether {@code text} is a count of seconds after 9999-12-31T23:59:59Z, the last instant Python can hold. */
    private static boolean beyondPythonDatetimes(String text) {
        try {
            return new BigInteger(text.strip()).compareTo(LAST_PYTHON_SECOND) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean inRanges(BigInteger number) {
        return (number.compareTo(SECONDS_FROM) >= 0 && number.compareTo(SECONDS_TO) < 0)
                || (number.compareTo(MILLIS_FROM) >= 0 && number.compareTo(MILLIS_TO) < 0);
    }

    private static boolean matches(JsonNode value, String format) {
        if (format.equals(DatetimeFormat.EPOCH_SECONDS) && beyondPythonDatetimes(value.asText())) {
            // Python's fromtimestamp refuses a year past 9999, so the reference finds %ms for epoch milliseconds.
            return false;
        }
        try {
            return DatetimeFormat.tryParse(value.asText(), format).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
